using System.Numerics;

namespace DomainFlow.Core.Generation;

/// <summary>Checks a pattern configuration field by field and returns the normalised pattern, or null with every error recorded.</summary>
internal static class PatternConfigValidator
{
    /// <summary>Signed 64-bit: ordinals are stored as BIGINT in both database engines.</summary>
    private static readonly BigInteger MaxTotal = long.MaxValue;

    public static DomainPattern? Validate(GenerationConfig config, ValidationErrors errors)
    {
        var start = errors.IsEmpty;
        if (config.PatternType is not { } type)
        {
            errors.Add("patternType", "is required: prefix, suffix or both");
            type = PatternType.Prefix;
        }
        var prefixLength = LengthFor(type is PatternType.Prefix or PatternType.Both, config.PrefixLength, "prefixLength", errors);
        var suffixLength = LengthFor(type is PatternType.Suffix or PatternType.Both, config.SuffixLength, "suffixLength", errors);

        string charset = "";
        if (string.IsNullOrEmpty(config.Charset))
        {
            errors.Add("charset", "is required (letters, digits and '-')");
        }
        else if (Charset.Normalize(config.Charset, out var invalid) is { } normalized)
        {
            charset = normalized;
        }
        else
        {
            errors.Add("charset", $"may hold only letters, digits and '-'; not allowed: '{invalid}' (IDN names are accepted through the list source)");
        }

        var constant = (config.Constant ?? "").Trim().ToLowerInvariant();
        foreach (var c in constant)
        {
            if (!DnsNameRules.IsLdhChar(c))
            {
                errors.Add("constant", $"may hold only letters, digits and '-'; not allowed: '{c}'");
                break;
            }
        }
        if (prefixLength + suffixLength + constant.Length > DnsNameRules.MaxLabelLength)
        {
            errors.Add("constant", $"the label (variable characters + constant) would be {prefixLength + suffixLength + constant.Length} characters; a DNS label holds at most {DnsNameRules.MaxLabelLength}");
        }

        var tlds = NormalizeTlds(config.Tlds, errors);

        if (config.MaxDomains is { } max && max <= 0)
        {
            errors.Add("maxDomains", "must be greater than 0");
        }
        if (config.OffsetStart is < 0)
        {
            errors.Add("offsetStart", "must be 0 or greater");
        }

        if (!errors.IsEmpty || !start)
        {
            return null;
        }

        var total = BigInteger.Pow(charset.Length, prefixLength + suffixLength) * tlds.Length;
        if (total > MaxTotal)
        {
            errors.Add("charset", $"{charset.Length}^{prefixLength + suffixLength} × {tlds.Length} TLDs = {total} combinations, more than the 2^63−1 a campaign can address; shorten the variable part or the charset");
            return null;
        }
        var pattern = DomainPattern.FromValidated(type, prefixLength, suffixLength, charset, constant, tlds);
        if (pattern.ValidTotal == 0)
        {
            errors.Add("constant", "every name of this pattern breaks DNS rules (a label cannot start or end with '-', names are at most 253 characters)");
            return null;
        }
        return pattern;
    }

    private static int LengthFor(bool used, int? value, string field, ValidationErrors errors)
    {
        if (!used)
        {
            if (value is > 0)
            {
                errors.Add(field, "is not used by this pattern type; leave it empty or 0");
            }
            return 0;
        }
        if (value is not { } length)
        {
            errors.Add(field, "is required for this pattern type");
            return 0;
        }
        if (length is < 1 or > DnsNameRules.MaxLabelLength)
        {
            errors.Add(field, $"must be between 1 and {DnsNameRules.MaxLabelLength}");
            return 0;
        }
        return length;
    }

    private static string[] NormalizeTlds(IReadOnlyList<string>? raw, ValidationErrors errors)
    {
        if (raw is null || raw.Count == 0)
        {
            errors.Add("tlds", "at least one TLD is required");
            return [];
        }
        var result = new List<string>(raw.Count);
        foreach (var item in raw)
        {
            var tld = (item ?? "").Trim().Trim('.').ToLowerInvariant();
            if (!DnsNameRules.IsValidName(tld))
            {
                errors.Add("tlds", $"'{item}' is not a valid TLD (letters, digits, '-' and dots between labels)");
                continue;
            }
            if (!result.Contains(tld))
            {
                result.Add(tld);
            }
        }
        return [.. result];
    }
}

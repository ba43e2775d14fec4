using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace DomainFlow.Core.Generation;

/// <summary>
/// A validated pattern and its bijection ordinal ↔ name.
/// The ordinal's fastest digit is the TLD; the rest is the variable part written in base |charset|,
/// rightmost character fastest. <c>prefix</c> = VAR+constant, <c>suffix</c> = constant+VAR, <c>both</c> =
/// one variable string of prefixLength+suffixLength characters split around the constant.
/// Ordinals whose name breaks DNS rules are part of the space but never produced: they are "skipped",
/// and <see cref="Rank"/> counts them exactly without enumerating.
/// </summary>
public sealed class DomainPattern
{
    private readonly bool[] _tldFitsLength;
    private readonly int _hyphenDigit;
    private readonly bool _firstVarDigitIsLabelStart;
    private readonly bool _lastVarDigitIsLabelEnd;
    private readonly bool _fixedEndIsHyphen;
    private readonly ulong _varSpace;
    private readonly ulong _validTldCount;

    private DomainPattern(PatternType type, int prefixLength, int suffixLength, string charset, string constant, string[] tlds)
    {
        Type = type;
        PrefixLength = prefixLength;
        SuffixLength = suffixLength;
        Charset = charset;
        Constant = constant;
        Tlds = tlds;
        LabelLength = VariableLength + constant.Length;
        _varSpace = (ulong)BigInteger.Pow(charset.Length, VariableLength);
        Total = _varSpace * (ulong)tlds.Length;
        _tldFitsLength = tlds.Select(t => LabelLength + 1 + t.Length <= DnsNameRules.MaxNameLength).ToArray();
        _validTldCount = (ulong)_tldFitsLength.Count(f => f);
        _hyphenDigit = charset.IndexOf('-');

        // The label starts with the first variable character unless a non-empty constant comes first; same at the end.
        _firstVarDigitIsLabelStart = prefixLength > 0 || constant.Length == 0;
        _lastVarDigitIsLabelEnd = suffixLength > 0 || constant.Length == 0;
        _fixedEndIsHyphen = (!_firstVarDigitIsLabelStart && constant[0] == '-') || (!_lastVarDigitIsLabelEnd && constant[^1] == '-');
        ConfigHash = ComputeHash();
    }

    public PatternType Type { get; }
    public int PrefixLength { get; }
    public int SuffixLength { get; }
    public string Charset { get; }
    public string Constant { get; }
    public IReadOnlyList<string> Tlds { get; }
    public int VariableLength => PrefixLength + SuffixLength;
    public int LabelLength { get; }

    /// <summary>Every ordinal of the space, valid or not.</summary>
    public ulong Total { get; }

    /// <summary>Ordinals whose name obeys DNS rules.</summary>
    public ulong ValidTotal => Rank(Total);

    /// <summary>Hex SHA-256 of the normalised pattern: patterns with the same hash produce the same names.</summary>
    public string ConfigHash { get; }

    /// <summary>Validates and normalises a pattern configuration, reporting every problem at once.</summary>
    public static DomainPattern Create(GenerationConfig config)
    {
        var errors = new ValidationErrors();
        var pattern = TryCreate(config, errors);
        return pattern ?? throw new ValidationException(errors);
    }

    public static DomainPattern? TryCreate(GenerationConfig config, ValidationErrors errors) =>
        PatternConfigValidator.Validate(config, errors);

    internal static DomainPattern FromValidated(PatternType type, int prefixLength, int suffixLength, string charset, string constant, string[] tlds) =>
        new(type, prefixLength, suffixLength, charset, constant, tlds);

    /// <summary>Label position of the i-th variable character.</summary>
    public int LabelPositionOfVariable(int variableIndex) =>
        variableIndex < PrefixLength ? variableIndex : variableIndex + Constant.Length;

    public bool IsTldUsable(int tldIndex) => _tldFitsLength[tldIndex];

    /// <summary>Whether the variable part with these digits (most significant first) yields a valid label.</summary>
    public bool IsVariablePartValid(ReadOnlySpan<int> digits)
    {
        if (_fixedEndIsHyphen)
        {
            return false;
        }
        if (_hyphenDigit < 0 || digits.Length == 0)
        {
            return true;
        }
        return !(_firstVarDigitIsLabelStart && digits[0] == _hyphenDigit)
            && !(_lastVarDigitIsLabelEnd && digits[^1] == _hyphenDigit);
    }

    public bool IsValid(ulong ordinal)
    {
        var digits = new int[VariableLength];
        DecomposeOrdinal(ordinal, digits, out var tld);
        return _tldFitsLength[tld] && IsVariablePartValid(digits);
    }

    /// <summary>The name at an ordinal (valid or not); the caller checks <see cref="IsValid"/>.</summary>
    public string NameAt(ulong ordinal)
    {
        var digits = new int[VariableLength];
        DecomposeOrdinal(ordinal, digits, out var tld);
        var label = new StringBuilder(LabelLength + 1 + Tlds[tld].Length);
        for (var i = 0; i < PrefixLength; i++)
        {
            label.Append(Charset[digits[i]]);
        }
        label.Append(Constant);
        for (var i = PrefixLength; i < VariableLength; i++)
        {
            label.Append(Charset[digits[i]]);
        }
        return label.Append('.').Append(Tlds[tld]).ToString();
    }

    /// <summary>Splits an ordinal into the TLD index and the variable digits (most significant first).</summary>
    public void DecomposeOrdinal(ulong ordinal, Span<int> digits, out int tldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, Total);
        var tldCount = (ulong)Tlds.Count;
        tldIndex = (int)(ordinal % tldCount);
        var variable = ordinal / tldCount;
        var radix = (ulong)Charset.Length;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (int)(variable % radix);
            variable /= radix;
        }
    }

    /// <summary>Number of valid ordinals in [0, end), computed in O(1).</summary>
    public ulong Rank(ulong end)
    {
        if (end > Total)
        {
            end = Total;
        }
        var tldCount = (ulong)Tlds.Count;
        var fullVariables = end / tldCount;
        var tldsInPartial = (int)(end % tldCount);
        var rank = CountValidVariables(fullVariables) * _validTldCount;
        if (tldsInPartial > 0 && CountValidVariables(fullVariables + 1) > CountValidVariables(fullVariables))
        {
            for (var t = 0; t < tldsInPartial; t++)
            {
                rank += _tldFitsLength[t] ? 1UL : 0UL;
            }
        }
        return rank;
    }

    /// <summary>The ordinal of the valid name with this rank (0-based), found by binary search over <see cref="Rank"/>.</summary>
    public ulong OrdinalOfRank(ulong rank)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, ValidTotal);
        ulong low = 0, high = Total - 1;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (Rank(mid + 1) > rank)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return low;
    }

    /// <summary>The ordinal just past the <paramref name="count"/>-th valid name at or after <paramref name="start"/>.</summary>
    public ulong EndAfterValidNames(ulong start, ulong count) =>
        count == 0 ? start : OrdinalOfRank(Rank(start) + count - 1) + 1;

    /// <summary>
    /// The ordinal range a run starting at <paramref name="offsetStart"/> covers when it takes up to
    /// <paramref name="maxDomains"/> valid names (all that remain when null); <c>Remaining</c> is how many valid
    /// names the space holds from the start on. The preview, the planner and the pattern history agree through this.
    /// </summary>
    public (ulong Start, ulong End, ulong Remaining) RangeFor(ulong offsetStart, ulong? maxDomains)
    {
        var start = Math.Min(offsetStart, Total);
        var remaining = ValidTotal - Rank(start);
        var take = maxDomains is { } max ? Math.Min(max, remaining) : remaining;
        return (start, EndAfterValidNames(start, take), remaining);
    }

    /// <summary>Variable values v in [0, end) whose first/last digits avoid a hyphen at the label's edges.</summary>
    private ulong CountValidVariables(ulong end)
    {
        if (_fixedEndIsHyphen)
        {
            return 0;
        }
        end = Math.Min(end, _varSpace);
        var length = VariableLength;
        if (_hyphenDigit < 0 || length == 0)
        {
            return end;
        }
        var hyphen = (ulong)_hyphenDigit;
        var radix = (ulong)Charset.Length;
        var checkFirst = _firstVarDigitIsLabelStart;
        var checkLast = _lastVarDigitIsLabelEnd;
        if (length == 1)
        {
            // One character is both first and last.
            return end - (end > hyphen ? 1UL : 0UL);
        }
        if (!checkFirst)
        {
            return checkLast ? CountLastDigitNotHyphen(end, radix, hyphen) : end;
        }
        var block = _varSpace / radix; // values sharing the same first digit
        var fullBlocks = end / block;
        var rest = end % block;
        var perBlock = checkLast ? CountLastDigitNotHyphen(block, radix, hyphen) : block;
        var count = (fullBlocks - (fullBlocks > hyphen ? 1UL : 0UL)) * perBlock;
        if (rest > 0 && fullBlocks != hyphen)
        {
            count += checkLast ? CountLastDigitNotHyphen(rest, radix, hyphen) : rest;
        }
        return count;
    }

    private static ulong CountLastDigitNotHyphen(ulong end, ulong radix, ulong hyphen) =>
        end - ((end / radix) + (end % radix > hyphen ? 1UL : 0UL));

    private string ComputeHash()
    {
        var canonical = $"v1|{Type}|{PrefixLength}|{SuffixLength}|{Charset}|{Constant}|{string.Join(',', Tlds)}".ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

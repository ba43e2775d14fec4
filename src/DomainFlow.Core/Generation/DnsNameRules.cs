namespace DomainFlow.Core.Generation;

/// <summary>The DNS hostname rules (RFC 1035 / 1123) that decide whether a generated name is stored.</summary>
public static class DnsNameRules
{
    public const int MaxLabelLength = 63;
    public const int MaxNameLength = 253;

    public static bool IsLdhChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    /// <summary>A lower-case letter-digit-hyphen label that neither starts nor ends with a hyphen.</summary>
    public static bool IsValidLabel(ReadOnlySpan<char> label)
    {
        if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }
        foreach (var c in label)
        {
            if (!IsLdhChar(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A lower-case host name of valid labels, at most 253 characters, without a trailing dot.</summary>
    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return false;
        }
        foreach (var range in name.Split('.'))
        {
            if (!IsValidLabel(name[range]))
            {
                return false;
            }
        }
        return true;
    }
}

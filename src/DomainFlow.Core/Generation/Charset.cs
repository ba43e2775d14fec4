namespace DomainFlow.Core.Generation;

/// <summary>Normalises a user's character set: lower-cased, duplicates removed keeping the first appearance.</summary>
public static class Charset
{
    /// <summary>Returns the normalised set, or null with the offending characters when some are not letters, digits or '-'.</summary>
    public static string? Normalize(string raw, out string invalidCharacters)
    {
        var seen = new HashSet<char>();
        var result = new System.Text.StringBuilder(raw.Length);
        var invalid = new System.Text.StringBuilder();
        foreach (var original in raw)
        {
            var c = char.ToLowerInvariant(original);
            if (!DnsNameRules.IsLdhChar(c))
            {
                if (invalid.ToString().IndexOf(original) < 0)
                {
                    invalid.Append(original);
                }
                continue;
            }
            if (seen.Add(c))
            {
                result.Append(c);
            }
        }
        invalidCharacters = invalid.ToString();
        return invalid.Length == 0 ? result.ToString() : null;
    }
}

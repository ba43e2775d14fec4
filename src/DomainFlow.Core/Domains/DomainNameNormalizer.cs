using System.Globalization;
using DomainFlow.Core.Generation;

namespace DomainFlow.Core.Domains;

/// <summary>Turns one line of an uploaded list (plain text or CSV, first column) into a lower-case ASCII host name.</summary>
public static class DomainNameNormalizer
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public enum Outcome
    {
        Valid,
        Blank,
        Invalid,
    }

    public static Outcome Normalize(string line, out string name)
    {
        name = "";
        var text = FirstColumn(line).ToString().Trim().Trim('"', '\'').Trim().TrimEnd('.');
        if (text.Length == 0 || text[0] == '#')
        {
            return Outcome.Blank;
        }
        try
        {
            // IDN input becomes punycode; pure ASCII passes through IdnMapping unchanged but lower-cased and checked.
            var ascii = Idn.GetAscii(text).ToLowerInvariant();
            if (DnsNameRules.IsValidName(ascii) && ascii.Contains('.'))
            {
                name = ascii;
                return Outcome.Valid;
            }
        }
        catch (ArgumentException)
        {
        }
        return Outcome.Invalid;
    }

    private static ReadOnlySpan<char> FirstColumn(string line)
    {
        var end = line.AsSpan().IndexOfAny(',', ';', '\t');
        return end < 0 ? line : line.AsSpan(0, end);
    }
}

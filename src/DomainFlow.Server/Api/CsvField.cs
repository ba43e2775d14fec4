namespace DomainFlow.Server.Api;

/// <summary>One field of an exported CSV row.</summary>
public static class CsvField
{
    /// <summary>
    /// RFC 4180 quoting (a field with a comma, quote or line break is quoted, its quotes doubled), and crawled text
    /// that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return: a page title such as
    /// <c>=HYPERLINK(...)</c>) is prefixed with an apostrophe, as OWASP advises against CSV injection.
    /// </summary>
    public static string? Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return field;
        }
        var neutral = "=+-@\t\r".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return neutral.AsSpan().IndexOfAny(",\"\r\n") < 0 ? neutral : $"\"{neutral.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}

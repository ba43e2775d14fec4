namespace DomainFlow.Store;

internal static class SqlText
{
    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with wildcards escaped (use ESCAPE '\').</summary>
    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

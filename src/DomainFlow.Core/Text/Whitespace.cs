using System.Text;

namespace DomainFlow.Core.Text;

public static class Whitespace
{
    /// <summary>Runs of whitespace become one space; leading and trailing whitespace goes.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}

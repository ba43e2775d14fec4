using System.Text;
using DomainFlow.Core;

namespace DomainFlow.Store;

/// <summary>Opaque paging cursors: a versioned, URL-safe token, so the paging key can change without breaking clients.</summary>
internal static class Cursor
{
    public static string Encode(long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"c1:{seq}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static long? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("c1:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(3), out var seq))
            {
                return seq;
            }
        }
        catch (FormatException)
        {
        }
        throw new ValidationException(ValidationErrors.Single("cursor", "is not a cursor this server issued"));
    }
}

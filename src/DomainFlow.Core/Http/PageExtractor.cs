using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DomainFlow.Core.Http;

/// <summary>What a page says about itself: decoded text, title, description, language, link count, body hash.</summary>
public sealed record PageContent(
    string Html, string Text, string? Title, string? Description, string? Language, int Links, string Sha256, string Charset,
    IReadOnlyDictionary<string, string> Meta, IReadOnlyList<string> ScriptSources);

/// <summary>
/// Reads an HTML body: charset from the Content-Type header, then a byte-order mark, then &lt;meta charset&gt; in
/// the first bytes, else UTF-8; the document itself is read in one linear pass (<see cref="HtmlScanner"/>): a hostile
/// page cannot stall a worker.
/// </summary>
public static class PageExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Regex MetaCharset = new("""<meta[^>]*charset\s*=\s*["']?\s*([\w:.-]+)""", Options);

    static PageExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static PageContent Extract(ReadOnlySpan<byte> body, string? contentTypeCharset, string? contentLanguage)
    {
        var (encoding, charset) = DetectEncoding(body, contentTypeCharset);
        var html = encoding.GetString(body);
        var scan = HtmlScanner.Run(html);
        var metas = scan.Meta.ToDictionary(m => m.Key, m => Clean(m.Value), StringComparer.OrdinalIgnoreCase);
        var language = scan.Language ?? contentLanguage?.Split(',')[0].Trim();
        return new PageContent(html, Clean(scan.RawText), scan.RawTitle is null ? null : Clean(scan.RawTitle), metas.GetValueOrDefault("description"),
            string.IsNullOrEmpty(language) ? null : language, scan.Links, Convert.ToHexStringLower(SHA256.HashData(body)), charset, metas, scan.Scripts);
    }

    private static (Encoding Encoding, string Name) DetectEncoding(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (TryEncoding(headerCharset) is { } fromHeader)
        {
            return fromHeader;
        }
        if (body.StartsWith("\xEF\xBB\xBF"u8))
        {
            return (new UTF8Encoding(false), "utf-8");
        }
        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return (Encoding.Unicode, "utf-16le");
        }
        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, "utf-16be");
        }
        // The meta tag has to sit in the first 1024 bytes (HTML's prescan); bytes read as Latin-1 keep ASCII intact.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 1024)]);
        if (MetaCharset.Match(head) is { Success: true } meta && TryEncoding(meta.Groups[1].Value) is { } fromMeta)
        {
            return fromMeta;
        }
        return (new UTF8Encoding(false), "utf-8");
    }

    private static (Encoding, string)? TryEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));
            return (encoding, encoding.WebName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Entities decoded, whitespace collapsed, trimmed.</summary>
    public static string Clean(string text) => Text.Whitespace.Collapse(WebUtility.HtmlDecode(text));
}

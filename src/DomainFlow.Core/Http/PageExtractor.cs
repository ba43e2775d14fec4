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
/// the first bytes, else UTF-8; visible text without script, style, noscript, template and comments. Every pattern
/// runs without backtracking: a hostile page cannot stall a worker.
/// </summary>
public static class PageExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Regex MetaCharset = new("""<meta[^>]*charset\s*=\s*["']?\s*([\w:.-]+)""", Options);
    private static readonly Regex TitleTag = new("""<title[^>]*>([^<]*)</title""", Options);
    private static readonly Regex MetaTag = new("""<meta\s[^>]*>""", Options);
    private static readonly Regex Attribute = new("""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", Options);
    private static readonly Regex HtmlLang = new("""<html[^>]*\slang\s*=\s*["']?([\w-]+)""", Options);
    private static readonly Regex ScriptSource = new("""<script[^>]*\ssrc\s*=\s*["']?([^"'\s>]+)""", Options);
    private static readonly Regex Anchor = new("""<a\s[^>]*href\s*=""", Options);
    private static readonly Regex Hidden = new("""<(script|style|noscript|template)[^>]*>.*?</(script|style|noscript|template)\s*>|<!--.*?-->""", Options | RegexOptions.Singleline);
    private static readonly Regex Tag = new("""<[^>]*>""", Options);
    private static readonly Regex Spaces = new("""\s+""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    static PageExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static PageContent Extract(ReadOnlySpan<byte> body, string? contentTypeCharset, string? contentLanguage)
    {
        var (encoding, charset) = DetectEncoding(body, contentTypeCharset);
        var html = encoding.GetString(body);
        var title = TitleTag.Match(html) is { Success: true } t ? Clean(t.Groups[1].Value) : null;
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match meta in MetaTag.Matches(html))
        {
            var attributes = Attributes(meta.Value);
            if ((attributes.GetValueOrDefault("name") ?? attributes.GetValueOrDefault("property")) is { } name && attributes.TryGetValue("content", out var content))
            {
                metas.TryAdd(name, Clean(content));
            }
        }
        var description = metas.GetValueOrDefault("description");
        var scripts = ScriptSource.Matches(html).Select(m => m.Groups[1].Value).Take(100).ToList();
        var language = HtmlLang.Match(html) is { Success: true } l ? l.Groups[1].Value : contentLanguage?.Split(',')[0].Trim();
        var text = Clean(Tag.Replace(Hidden.Replace(html, " "), " "));
        return new PageContent(html, text, title, description, string.IsNullOrEmpty(language) ? null : language, Anchor.Count(html),
            Convert.ToHexStringLower(SHA256.HashData(body)), charset, metas, scripts);
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

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute.Matches(tag))
        {
            var value = a.Groups[2].Success ? a.Groups[2].Value : a.Groups[3].Success ? a.Groups[3].Value : a.Groups[4].Value;
            attributes.TryAdd(a.Groups[1].Value, value);
        }
        return attributes;
    }

    /// <summary>Entities decoded, whitespace collapsed, trimmed.</summary>
    public static string Clean(string text) => Spaces.Replace(WebUtility.HtmlDecode(text), " ").Trim();
}

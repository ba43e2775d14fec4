using System.Security.Cryptography;
using System.Text;

namespace DomainFlow.Server.Auth;

/// <summary>The session cookie and the anti-CSRF token derived from it.</summary>
public static class SessionCookie
{
    public const string Name = "df_session";
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>
    /// Under HTTPS the name carries the <c>__Host-</c> prefix: browsers then accept the cookie only when it is Secure,
    /// host-only and for path /, so a sibling subdomain or plain-HTTP page cannot plant a session of its choosing.
    /// </summary>
    public static string NameFor(HttpContext http) => http.Request.IsHttps ? "__Host-" + Name : Name;

    public static bool TryRead(HttpContext http, out string secret)
    {
        secret = http.Request.Cookies[NameFor(http)] ?? "";
        return secret.Length > 0;
    }

    public static void Issue(HttpContext http, string secret, DateTimeOffset expires) =>
        http.Response.Cookies.Append(NameFor(http), secret, Options(http, expires));

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(NameFor(http), Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>
    /// A token the page must echo in <see cref="CsrfHeader"/> on unsafe requests. It is derived from the HttpOnly
    /// session secret, so a page on another site can neither read nor compute it, and it needs no storage.
    /// </summary>
    public static string CsrfTokenFor(string sessionSecret) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("csrf:" + sessionSecret))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool CsrfMatches(HttpContext http, string expected) =>
        http.Request.Headers[CsrfHeader].ToString() is { Length: > 0 } sent
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    public static string AgentHash(HttpContext http) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers.UserAgent.ToString())));
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DomainFlow.Server.Lab;

/// <summary>What a generated world's site is like; decided by a hash of its host name, so tests can know the truth.</summary>
public enum WebSiteKind
{
    /// <summary>A shop page that names the lab brand ("acme") a few times.</summary>
    Brand,

    /// <summary>A plain page without keywords.</summary>
    Plain,

    /// <summary>A for-sale placeholder.</summary>
    Parked,

    /// <summary>Redirects to /welcome on the same host, which is a plain page.</summary>
    Redirect,

    /// <summary>Answers 404.</summary>
    Missing,
}

/// <summary>The web half of the lab world: a site for every host name, its kind and content fixed by the name.</summary>
public static class WebWorld
{
    public const string Brand = "acme";

    public static WebSiteKind KindOf(string host) => (Hash(host, 0) % 10) switch
    {
        0 or 1 => WebSiteKind.Parked,
        2 => WebSiteKind.Redirect,
        3 => WebSiteKind.Missing,
        4 or 5 or 6 => WebSiteKind.Brand,
        _ => WebSiteKind.Plain,
    };

    /// <summary>How many times a brand site names the brand in its visible text.</summary>
    public static int BrandMentions(string host) => 1 + (int)(Hash(host, 1) % 5);

    private static uint Hash(string host, int salt) =>
        BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{host.ToLowerInvariant()}")));

    /// <summary>The site every host of the world gets (use as <see cref="LabWebServer"/>'s fallback).</summary>
    public static LabSite Site() => context =>
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        return KindOf(host) switch
        {
            WebSiteKind.Parked => LabWebServer.Sites.Parked()(context),
            WebSiteKind.Redirect when context.Request.Path == "/" => LabWebServer.Sites.Redirect("/welcome")(context),
            WebSiteKind.Missing => LabWebServer.Sites.Html("<title>Not here</title>", status: 404)(context),
            WebSiteKind.Brand => LabWebServer.Sites.Page($"{host} store",
                string.Concat(Enumerable.Repeat($"<p>Buy {Brand} products here.</p>", BrandMentions(host))))(context),
            _ => LabWebServer.Sites.Page($"{host} home", "<p>Welcome to a quiet little site.</p>")(context),
        };
    };
}

using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DomainFlow.Server.Lab;

/// <summary>A lab site: what it answers for a path. Sites are chosen by the Host header.</summary>
public delegate Task LabSite(HttpContext context);

/// <summary>
/// The loopback web lab: Kestrel on one 127.0.0.0/8 address, plain HTTP on one port and HTTPS (a self-signed
/// certificate made at start) on another, serving sites chosen by the Host header. <see cref="Sites"/> holds the
/// stock behaviours the tests and the demo need (keywords, parked, redirect chains and loops, a stall, a huge body,
/// compression, a non-UTF-8 page); unknown hosts get 404.
/// </summary>
public sealed class LabWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, LabSite> _sites;

    static LabWebServer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private LabWebServer(WebApplication app, Dictionary<string, LabSite> sites, IPAddress address, int httpPort, int httpsPort, X509Certificate2 certificate)
    {
        _app = app;
        _sites = sites;
        Address = address;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Certificate = certificate;
    }

    public IPAddress Address { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Requests served so far, per host (lower case).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts the lab on <paramref name="address"/> (127.0.0.1 by default), on free ports unless given.</summary>
    /// <param name="fallback">What hosts without a site of their own get (404 when null): a generated world's sites.</param>
    public static async Task<LabWebServer> StartAsync(IReadOnlyDictionary<string, LabSite> sites, IPAddress? address = null, int httpPort = 0, int httpsPort = 0, LabSite? fallback = null)
    {
        address ??= IPAddress.Loopback;
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("The web lab listens on loopback addresses only.", nameof(address));
        }
        var certificate = SelfSigned(sites.Keys);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, httpPort);
            kestrel.Listen(address, httpsPort, listen => listen.UseHttps(certificate));
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var table = new Dictionary<string, LabSite>(sites, StringComparer.OrdinalIgnoreCase);
        LabWebServer? server = null;
        app.Run(async context =>
        {
            var host = context.Request.Host.Host.ToLowerInvariant();
            server!.Requests.AddOrUpdate(host, 1, (_, n) => n + 1);
            if (table.TryGetValue(host, out var site) || (site = fallback) is not null)
            {
                await site(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => (Https: a.StartsWith("https", StringComparison.Ordinal), Port: new Uri(a).Port)).ToList();
        server = new LabWebServer(app, table, address, ports.First(p => !p.Https).Port, ports.First(p => p.Https).Port, certificate);
        return server;
    }

    private static X509Certificate2 SelfSigned(IEnumerable<string> hosts)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=DomainFlow lab", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Exported and re-imported with its key: Kestrel on Linux needs a certificate whose key it can use for TLS.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    /// <summary>Stock site behaviours.</summary>
    public static class Sites
    {
        public static LabSite Html(string html, string contentType = "text/html; charset=utf-8", int status = 200, params (string Name, string Value)[] headers) => async context =>
        {
            if (context.Request.Path == "/favicon.ico")
            {
                await Favicon(context);
                return;
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers.Append(name, value);
            }
            await context.Response.WriteAsync(html, contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ? Encoding.GetEncoding(contentType.Split("charset=")[1]) : Encoding.UTF8);
        };

        public static LabSite Page(string title, string body, params (string Name, string Value)[] headers) =>
            Html($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><meta name=\"description\" content=\"{WebUtility.HtmlEncode(title)} site\"></head><body>{body}</body></html>", headers: headers);

        public static LabSite Parked() => Page("example-parked.test — this domain is for sale",
            "<h1>This domain is for sale!</h1><p>Buy this domain today. Make an offer on this domain.</p><script src=\"https://sedoparking.com/js/park.js\"></script>");

        /// <summary>A redirect from every path to <paramref name="location"/> (absolute, or relative to the site).</summary>
        public static LabSite Redirect(string location, int status = 301) => context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

        /// <summary>Accepts the request and says nothing until the client gives up.</summary>
        public static LabSite Stall() => async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        };

        /// <summary>A body of <paramref name="bytes"/> bytes, streamed in chunks (never held whole).</summary>
        public static LabSite Huge(long bytes) => async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes;
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text for a very large page</p>\n", 1600)));
            try
            {
                for (var sent = 0L; sent < bytes; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - sent)), context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        };

        /// <summary>The page compressed with <paramref name="encoding"/> (gzip or br), whatever the client asked.</summary>
        public static LabSite Compressed(string html, string encoding) => async context =>
        {
            using var buffer = new MemoryStream();
            await using (Stream compressor = encoding == "br" ? new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await compressor.WriteAsync(Encoding.UTF8.GetBytes(html));
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(buffer.ToArray());
        };

        /// <summary>A 16×16 icon (a fixed byte pattern) at /favicon.ico.</summary>
        public static Task Favicon(HttpContext context)
        {
            context.Response.ContentType = "image/x-icon";
            return context.Response.Body.WriteAsync(FaviconBytes).AsTask();
        }

        public static readonly byte[] FaviconBytes = [.. Enumerable.Range(0, 318).Select(i => (byte)((i * 7) + 3))];
    }
}

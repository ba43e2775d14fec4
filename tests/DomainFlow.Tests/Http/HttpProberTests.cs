using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;
using DomainFlow.Server.Lab;

namespace DomainFlow.Tests.Http;

/// <summary>The prober against the loopback web lab (Kestrel, HTTP and HTTPS with a self-signed certificate).</summary>
public sealed class HttpProberTests : IAsyncLifetime
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];
    private LabWebServer _lab = null!;

    public async Task InitializeAsync()
    {
        var sites = new Dictionary<string, LabSite>
        {
            ["shop.lab.test"] = LabWebServer.Sites.Page("Acme Shop", "<p>Welcome to the acme shop. ACME deals, acme prices.</p><a href=\"/a\">a</a><a href=\"/b\">b</a><script src=\"/js/jquery-3.7.1.min.js\"></script><script>var acme = 'hidden';</script>"),
            ["parked.lab.test"] = LabWebServer.Sites.Parked(),
            ["chain.lab.test"] = context => context.Request.Path.Value switch
            {
                "/" => LabWebServer.Sites.Redirect("/step2", 302)(context),
                "/step2" => LabWebServer.Sites.Redirect("/final", 307)(context),
                _ => LabWebServer.Sites.Page("Final", "arrived")(context),
            },
            ["hop.lab.test"] = context => LabWebServer.Sites.Redirect($"http://shop.lab.test:{_lab.HttpPort}/")(context),
            ["loop.lab.test"] = LabWebServer.Sites.Redirect("/"),
            ["stall.lab.test"] = LabWebServer.Sites.Stall(),
            ["huge.lab.test"] = LabWebServer.Sites.Huge(50L << 20),
            ["gzip.lab.test"] = LabWebServer.Sites.Compressed("<title>Zipped</title><p>gzip body</p>", "gzip"),
            ["br.lab.test"] = LabWebServer.Sites.Compressed("<title>Brotli</title><p>br body</p>", "br"),
            ["latin.lab.test"] = LabWebServer.Sites.Html("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 cr\u00e8me</title></head><body>na\u00efve</body></html>", "text/html; charset=windows-1252"),
            ["missing.lab.test"] = LabWebServer.Sites.Html("<title>Nope</title>", status: 404),
            // Echoes what the client sent, so the persona's settings can be seen arriving.
            ["echo.lab.test"] = context => LabWebServer.Sites.Page("Echo", string.Join("\n", context.Request.Headers.Select(h => $"<p>{h.Key}={System.Net.WebUtility.HtmlEncode(h.Value.ToString())}</p>")))(context),
            // Says which HTTP version, TLS version and cipher suite the connection ended up with.
            ["tls.lab.test"] = context =>
            {
                var tls = context.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>();
                return LabWebServer.Sites.Page($"{context.Request.Protocol} {tls?.Protocol} {tls?.NegotiatedCipherSuite}", "tls")(context);
            },
            // "/" sets a cookie and redirects; "/members" answers 200 only when the cookie came back.
            ["cookie.lab.test"] = context =>
            {
                if (context.Request.Path == "/")
                {
                    context.Response.Cookies.Append("session", "abc");
                    return LabWebServer.Sites.Redirect("/members", 302)(context);
                }
                return context.Request.Cookies.ContainsKey("session")
                    ? LabWebServer.Sites.Page("Members", "welcome back")(context)
                    : LabWebServer.Sites.Html("<title>Who are you</title>", status: 403)(context);
            },
        };
        _lab = await LabWebServer.StartAsync(sites);
    }

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    private HttpPersonaConfig Persona(SchemeOrder order = SchemeOrder.Http) => new()
    {
        Name = "lab",
        SchemeOrder = order,
        HttpPorts = [_lab.HttpPort],
        HttpsPorts = [_lab.HttpsPort],
        ConnectTimeoutMs = 2_000,
        TotalTimeoutMs = 5_000,
    };

    private static async Task<HttpProbeResult> ProbeAsync(HttpProberOptions options, string domain, IReadOnlyList<IPAddress>? addresses = null)
    {
        using var prober = new HttpProber(options);
        return await prober.ProbeAsync(domain, addresses ?? Loopback);
    }

    private HttpProberOptions Lab(HttpPersonaConfig? persona = null) => new() { Persona = persona ?? Persona(), Guard = new NetworkGuard(allowPrivateTargets: true) };

    [Fact]
    public async Task A_page_gives_status_title_text_links_tech_hash_and_keyword_hits_with_context()
    {
        var keywords = new KeywordMatcher([new("acme", Category: "brand", Weight: 2, ContextChars: 10), new("hidden")]);

        var result = await ProbeAsync(Lab() with { Keywords = keywords, KeepText = true, Favicon = true }, "shop.lab.test");

        Assert.Equal((HttpOutcome.Ok, 200, "Acme Shop", "Acme Shop site"), (result.Outcome, result.Status, result.Title, result.Description));
        Assert.Equal("127.0.0.1", result.Address);
        Assert.Equal($"http://shop.lab.test:{_lab.HttpPort}/", result.FinalUrl);
        Assert.Equal(2, result.Links);
        Assert.Equal("en", result.Language);
        Assert.DoesNotContain("hidden", result.Text, StringComparison.Ordinal); // script content is not visible text
        var hit = Assert.Single(result.KeywordHits);
        Assert.Equal(("brand", 5), (hit.Category, hit.Count)); // description, then the visible text: title and three times in the body
        Assert.Equal(2 * Math.Log2(6), result.KeywordScore, 9);
        Assert.Contains(result.Technologies, t => t.Name == "Kestrel");
        Assert.Contains(result.Technologies, t => t is { Name: "jQuery", Version: "3.7.1" });
        Assert.Equal(64, result.BodySha256!.Length);
        Assert.Equal(FaviconHash.Compute(LabWebServer.Sites.FaviconBytes), result.FaviconHash);
        Assert.False(result.Parked!.Parked);
    }

    [Fact]
    public void The_favicon_hash_is_murmur3_as_shodan_computes_it()
    {
        // MurmurHash3_x86_32 reference vectors (SMHasher's verification values for these inputs).
        Assert.Equal(0u, FaviconHash.Murmur3(""u8, 0));
        Assert.Equal(0x514E28B7u, FaviconHash.Murmur3(""u8, 1));
        Assert.Equal(613153351u, FaviconHash.Murmur3("hello"u8, 0));
        Assert.Equal(0x2E4FF723u, FaviconHash.Murmur3("The quick brown fox jumps over the lazy dog"u8, 0));
        Assert.Equal(unchecked((int)FaviconHash.Murmur3(Encoding.ASCII.GetBytes(Convert.ToBase64String("icon"u8) + "\n"), 0)), FaviconHash.Compute("icon"u8));
        // Python's base64.encodebytes breaks lines every 76 characters: 100 bytes are 136 characters, 76 + 60.
        var icon = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var base64 = Convert.ToBase64String(icon);
        Assert.Equal(unchecked((int)FaviconHash.Murmur3(Encoding.ASCII.GetBytes($"{base64[..76]}\n{base64[76..]}\n"), 0)), FaviconHash.Compute(icon));
    }

    [Fact]
    public async Task A_parked_page_is_recognised_with_its_signals()
    {
        var result = await ProbeAsync(Lab(), "parked.lab.test");

        Assert.True(result.Parked!.Parked);
        Assert.True(result.Parked.Confidence > 0.9);
        Assert.Contains(result.Parked.Signals, s => s.Contains("sedoparking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redirects_are_followed_by_hand_and_recorded_and_a_loop_ends_as_too_many_redirects()
    {
        var chain = await ProbeAsync(Lab(), "chain.lab.test");
        var loop = await ProbeAsync(Lab(Persona() with { MaxRedirects = 3 }), "loop.lab.test");
        var unfollowed = await ProbeAsync(Lab(Persona() with { FollowRedirects = false }), "chain.lab.test");

        Assert.Equal((HttpOutcome.Ok, "Final"), (chain.Outcome, chain.Title));
        Assert.Equal([302, 307], chain.Redirects.Select(h => h.Status));
        Assert.EndsWith("/final", chain.FinalUrl, StringComparison.Ordinal);
        Assert.Equal(HttpOutcome.TooManyRedirects, loop.Outcome);
        Assert.Equal(4, loop.Redirects.Count);
        Assert.Equal((HttpOutcome.Ok, 302, 0), (unfollowed.Outcome, unfollowed.Status, unfollowed.Redirects.Count));
    }

    [Fact]
    public async Task A_redirect_to_another_host_uses_the_resolver_given_and_is_checked_by_the_guard()
    {
        var asked = new List<string>();
        var resolved = await ProbeAsync(Lab() with
        {
            ResolveHost = (host, _) =>
            {
                asked.Add(host);
                return Task.FromResult<IReadOnlyList<IPAddress>>([IPAddress.Loopback]);
            },
        }, "hop.lab.test");
        var unresolved = await ProbeAsync(Lab(), "hop.lab.test");

        Assert.Equal((HttpOutcome.Ok, "Acme Shop"), (resolved.Outcome, resolved.Title));
        Assert.Equal(["shop.lab.test"], asked);
        Assert.Equal(HttpOutcome.Error, unresolved.Outcome);
        Assert.Contains("address is unknown", unresolved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_targets_are_refused_unless_allowed()
    {
        var refused = await ProbeAsync(new HttpProberOptions { Persona = Persona() }, "shop.lab.test");
        var privateRange = await ProbeAsync(new HttpProberOptions { Persona = Persona() }, "shop.lab.test", [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("192.168.1.1")]);

        Assert.Equal(HttpOutcome.BlockedTarget, refused.Outcome);
        Assert.Equal(HttpOutcome.BlockedTarget, privateRange.Outcome);
        Assert.Equal(0, _lab.Requests.GetValueOrDefault("shop.lab.test"));
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse("169.254.1.1")));
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse("fd00::1")));
        Assert.True(NetworkGuard.IsPublic(IPAddress.Parse("93.184.216.34")));
    }

    [Fact]
    public async Task An_allowed_target_range_opens_that_range_and_no_other_private_address()
    {
        var labOnly = new NetworkOptions { AllowedTargets = ["127.0.0.1/32"] }.CreateGuard();
        var elsewhere = new NetworkOptions { AllowedTargets = [" 127.0.0.2/32"] }.CreateGuard();

        var reached = await ProbeAsync(new HttpProberOptions { Persona = Persona(), Guard = labOnly }, "shop.lab.test");
        var refused = await ProbeAsync(new HttpProberOptions { Persona = Persona(), Guard = elsewhere }, "shop.lab.test");

        Assert.Equal((HttpOutcome.Ok, HttpOutcome.BlockedTarget), (reached.Outcome, refused.Outcome));
        Assert.True(labOnly.Permits(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(labOnly.Permits(IPAddress.Parse("93.184.216.34")));
        Assert.False(labOnly.Permits(IPAddress.Parse("127.0.0.2")));
        Assert.False(labOnly.Permits(IPAddress.Parse("10.0.0.1")));
        Assert.False(labOnly.Permits(IPAddress.IPv6Loopback));
        var bad = Assert.Throws<InvalidOperationException>(() => new NetworkOptions { AllowedTargets = ["127.0.0.1/99"] }.CreateGuard());
        Assert.Contains("127.0.0.1/99", bad.Message);
    }

    [Fact]
    public async Task A_stalled_site_times_out_and_a_closed_port_is_refused()
    {
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closedPort = ((IPEndPoint)closed.LocalEndPoint!).Port; // bound, never listening: connections are refused
        var clock = Stopwatch.StartNew();

        var stalled = await ProbeAsync(Lab(Persona() with { TotalTimeoutMs = 400, ConnectTimeoutMs = 400 }), "stall.lab.test");
        var elapsed = clock.Elapsed;
        var refused = await ProbeAsync(Lab(Persona() with { HttpPorts = [closedPort] }), "shop.lab.test");

        Assert.Equal(HttpOutcome.Timeout, stalled.Outcome);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpOutcome.ConnectionRefused, refused.Outcome);
    }

    [Fact]
    public async Task A_50_mb_body_is_read_up_to_the_cap_only()
    {
        var clock = Stopwatch.StartNew();

        var result = await ProbeAsync(Lab(), "huge.lab.test");

        Assert.Equal((HttpOutcome.Ok, 1 << 20, true), (result.Outcome, result.BodyBytes, result.BodyTruncated));
        Assert.Equal(50L << 20, result.ContentLength);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Compressed_and_non_utf8_pages_are_decoded()
    {
        var gzip = await ProbeAsync(Lab(), "gzip.lab.test");
        var br = await ProbeAsync(Lab(), "br.lab.test");
        var latin = await ProbeAsync(Lab() with { KeepText = true }, "latin.lab.test");

        Assert.Equal(("Zipped", "Brotli"), (gzip.Title, br.Title));
        Assert.Equal("Caf\u00e9 cr\u00e8me", latin.Title);
        Assert.Equal("na\u00efve", latin.Text?.Split(' ').Last());
    }

    [Fact]
    public async Task Https_records_the_self_signed_certificate_and_a_validating_persona_refuses_it()
    {
        var recorded = await ProbeAsync(Lab(Persona(SchemeOrder.Https)), "shop.lab.test");
        var refused = await ProbeAsync(Lab(Persona(SchemeOrder.Https) with { ValidateCertificates = true }), "shop.lab.test");
        var fallback = await ProbeAsync(Lab(Persona(SchemeOrder.HttpsThenHttp) with { ValidateCertificates = true }), "shop.lab.test");

        Assert.Equal((HttpOutcome.Ok, "Acme Shop"), (recorded.Outcome, recorded.Title));
        var certificate = recorded.Certificate!;
        Assert.Equal((true, false), (certificate.SelfSigned, certificate.Valid));
        Assert.Contains("shop.lab.test", certificate.SubjectAlternativeNames);
        Assert.Equal(_lab.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant(), certificate.Sha256);
        Assert.Equal(HttpOutcome.TlsError, refused.Outcome);
        Assert.Equal((HttpOutcome.Ok, "http"), (fallback.Outcome, new Uri(fallback.FinalUrl!).Scheme)); // HTTPS refused, plain HTTP next
    }

    [Fact]
    public async Task A_status_the_persona_does_not_allow_is_an_http_error()
    {
        var result = await ProbeAsync(Lab(Persona() with { AllowedStatusCodes = ["200-299"] }), "missing.lab.test");

        Assert.Equal((HttpOutcome.HttpError, 404), (result.Outcome, result.Status));
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_agents_rotate_per_request_and_headers_and_language_are_sent()
    {
        var persona = Persona() with
        {
            UserAgents = ["Agent/One", "Agent/Two"], Headers = [new("X-Campaign", "spring"), new("Accept", "text/html")], AcceptLanguage = "de-DE",
        };
        using var prober = new HttpProber(Lab(persona) with { KeepText = true });

        var first = await prober.ProbeAsync("echo.lab.test", Loopback);
        var second = await prober.ProbeAsync("echo.lab.test", Loopback);

        Assert.Contains("User-Agent=Agent/", first.Text, StringComparison.Ordinal);
        Assert.NotEqual(UserAgent(first.Text!), UserAgent(second.Text!));
        Assert.Contains("X-Campaign=spring", first.Text, StringComparison.Ordinal);
        Assert.Contains("Accept=text/html", first.Text, StringComparison.Ordinal);
        Assert.Contains("Accept-Language=de-DE", first.Text, StringComparison.Ordinal);
        static string UserAgent(string text) => text.Split(' ').First(t => t.StartsWith("User-Agent=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persona_headers_go_out_in_their_order_and_replace_the_defaults_they_name()
    {
        // A bare socket, to see the request head as written on the wire (Kestrel would not keep the order).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var captured = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[16_384];
            var read = 0;
            while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                read += await stream.ReadAsync(buffer.AsMemory(read));
            }
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 18\r\nConnection: close\r\n\r\n<title>raw</title>"u8.ToArray());
            return Encoding.ASCII.GetString(buffer, 0, read);
        });
        var persona = Persona() with
        {
            HttpPorts = [((IPEndPoint)listener.LocalEndpoint).Port], AcceptLanguage = "de-DE", UserAgents = ["Rotated/1"],
            Headers = [new("X-First", "1"), new("Accept-Language", "fr-FR"), new("User-Agent", "Custom/9"), new("X-Second", "2")],
        };
        using var prober = new HttpProber(Lab(persona));

        var result = await prober.ProbeAsync("raw.lab.test", Loopback);
        var head = await captured;

        Assert.Equal((HttpOutcome.Ok, "raw"), (result.Outcome, result.Title));
        var names = head.Split("\r\n").Skip(1).TakeWhile(l => l.Length > 0).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
            .Where(n => n is not ("Host" or "Accept-Encoding")).ToList(); // the transport's own
        Assert.Equal(["Accept", "X-First", "Accept-Language", "User-Agent", "X-Second"], names);
        Assert.Contains("Accept-Language: fr-FR\r\n", head, StringComparison.Ordinal);
        Assert.Contains("User-Agent: Custom/9\r\n", head, StringComparison.Ordinal);
        Assert.DoesNotContain("de-DE", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Rotated/1", head, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2", "1.2", null, false, "HTTP/1.1 Tls12")]
    [InlineData("1.3", "1.3", null, false, "HTTP/1.1 Tls13")]
    [InlineData("1.2", "1.3", null, true, "HTTP/2 Tls13")]
    [InlineData("1.2", "1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", false, "HTTP/1.1 Tls12 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")]
    public async Task Tls_versions_cipher_suites_and_http2_are_what_the_persona_asks_for(string min, string max, string? cipher, bool http2, string seen)
    {
        var persona = Persona(SchemeOrder.Https) with { TlsMinVersion = min, TlsMaxVersion = max, CipherSuites = cipher is null ? null : [cipher], Http2 = http2 };

        var result = await ProbeAsync(Lab(persona), "tls.lab.test");

        Assert.True(result.Outcome == HttpOutcome.Ok, $"{result.Outcome}: {result.Error}");
        Assert.StartsWith(seen, result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ports_are_tried_in_order_and_http_then_https_asks_plain_http_first()
    {
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // bound, never listening: refused
        var closedPort = ((IPEndPoint)closed.LocalEndPoint!).Port;

        var secondPort = await ProbeAsync(Lab(Persona() with { HttpPorts = [closedPort, _lab.HttpPort] }), "shop.lab.test");
        var httpFirst = await ProbeAsync(Lab(Persona(SchemeOrder.HttpThenHttps)), "shop.lab.test");
        var httpsFirst = await ProbeAsync(Lab(Persona(SchemeOrder.HttpsThenHttp)), "shop.lab.test");

        Assert.Equal((HttpOutcome.Ok, $"http://shop.lab.test:{_lab.HttpPort}/"), (secondPort.Outcome, secondPort.FinalUrl));
        Assert.StartsWith("http://", httpFirst.FinalUrl, StringComparison.Ordinal);
        Assert.StartsWith("https://", httpsFirst.FinalUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_jar_carries_cookies_across_redirects_and_ignore_sends_none()
    {
        var session = await ProbeAsync(Lab(Persona() with { CookieMode = CookieMode.Session }), "cookie.lab.test");
        var ignore = await ProbeAsync(Lab(Persona() with { CookieMode = CookieMode.Ignore }), "cookie.lab.test");

        Assert.Equal((200, "Members"), (session.Status, session.Title));
        Assert.Equal((403, HttpOutcome.HttpError), (ignore.Status, ignore.Outcome));
    }

    [Fact]
    public async Task The_global_rate_cap_spaces_requests_out()
    {
        using var prober = new HttpProber(Lab(Persona() with { GlobalRate = new Core.Resources.RateSpec(20, 1) }));
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => prober.ProbeAsync("shop.lab.test", Loopback)));

        // 11 requests at 20/s with a burst of 1 need at least 10 / 20 = 0.5 s.
        Assert.All(results, r => Assert.Equal(HttpOutcome.Ok, r.Outcome));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.45), $"took only {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task The_per_host_cap_counts_every_request_redirect_hops_included()
    {
        using var prober = new HttpProber(Lab(Persona() with { MaxRedirects = 3, PerHostRate = new Core.Resources.RateSpec(5, 1) }));
        var clock = Stopwatch.StartNew();

        var loop = await prober.ProbeAsync("loop.lab.test", Loopback);

        // Four requests to one host at 5/s with a burst of 1 need at least 3 / 5 = 0.6 s.
        Assert.Equal((HttpOutcome.TooManyRedirects, 4), (loop.Outcome, loop.Redirects.Count));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.55), $"took only {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Probers_of_one_rate_scope_share_the_personas_global_cap()
    {
        var persona = Persona() with { GlobalRate = new Core.Resources.RateSpec(20, 1) };
        using var first = new HttpProber(Lab(persona) with { RateScope = "http:shared-test" });
        using var second = new HttpProber(Lab(persona) with { RateScope = "http:shared-test" });
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? first : second).ProbeAsync("shop.lab.test", Loopback)));

        // 12 requests at 20/s with a burst of 1 need at least 11 / 20 = 0.55 s together; each prober alone would need half.
        Assert.All(results, r => Assert.Equal(HttpOutcome.Ok, r.Outcome));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.5), $"took only {clock.Elapsed.TotalSeconds:F2} s");
    }
}

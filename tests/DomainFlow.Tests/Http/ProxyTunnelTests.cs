using System.Net;
using DomainFlow.Core.Http;
using DomainFlow.Core.Personas;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Proxies;

namespace DomainFlow.Tests.Http;

/// <summary>Probes through Debian's tinyproxy (HTTP CONNECT) and microsocks (SOCKS5), both on loopback.</summary>
public sealed class ProxyTunnelTests : IAsyncLifetime
{
    private LabWebServer _lab = null!;

    public async Task InitializeAsync() =>
        _lab = await LabWebServer.StartAsync(new Dictionary<string, LabSite> { ["site.lab.test"] = LabWebServer.Sites.Page("Through the tunnel", "<p>hello</p>") });

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    private async Task<HttpProbeResult> ProbeAsync(ProxyEndpoint proxy, SchemeOrder order = SchemeOrder.Http)
    {
        using var prober = new HttpProber(new HttpProberOptions
        {
            Persona = new HttpPersonaConfig { Name = "lab", SchemeOrder = order, HttpPorts = [_lab.HttpPort], HttpsPorts = [_lab.HttpsPort], TotalTimeoutMs = 5_000 },
            Guard = new NetworkGuard(allowPrivateTargets: true),
            Proxy = proxy,
        });
        return await prober.ProbeAsync("site.lab.test", [IPAddress.Loopback]);
    }

    [Fact]
    public async Task Http_connect_through_tinyproxy_with_credentials_reaches_the_site_and_bad_credentials_are_a_proxy_error()
    {
        await using var tinyproxy = await ProxyServers.TinyproxyAsync("scout", "s3cret-pass");

        var ok = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Http, "127.0.0.1", tinyproxy.Port, "scout", "s3cret-pass"));
        var https = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Http, "127.0.0.1", tinyproxy.Port, "scout", "s3cret-pass"), SchemeOrder.Https);
        var refused = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Http, "127.0.0.1", tinyproxy.Port, "scout", "wrong"));

        Assert.True(ok.Outcome == HttpOutcome.Ok, $"{ok.Outcome}: {ok.Error}\n{tinyproxy.Log}");
        Assert.Equal("Through the tunnel", ok.Title);
        Assert.Equal((HttpOutcome.Ok, true), (https.Outcome, https.Certificate?.SubjectAlternativeNames.Contains("site.lab.test")));
        Assert.Equal(HttpOutcome.ProxyError, refused.Outcome);
        Assert.Contains("refused CONNECT", refused.Error, StringComparison.Ordinal);
        Assert.Matches(" 40[17] ", refused.Error!);
        Assert.Contains(tinyproxy.Log.Split('\n'), l => l.Contains("CONNECT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Socks5_through_microsocks_with_a_password_reaches_the_site_and_a_wrong_one_or_a_dead_proxy_is_a_proxy_error()
    {
        await using var microsocks = await ProxyServers.MicrosocksAsync("scout", "s3cret-pass");

        var ok = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Socks5, "127.0.0.1", microsocks.Port, "scout", "s3cret-pass"));
        var wrong = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Socks5, "127.0.0.1", microsocks.Port, "scout", "nope"));
        var anonymous = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Socks5, "127.0.0.1", microsocks.Port));
        var port = microsocks.Port;
        await microsocks.DisposeAsync();
        var dead = await ProbeAsync(new ProxyEndpoint(ProxyProtocol.Socks5, "127.0.0.1", port, "scout", "s3cret-pass"));

        Assert.True(ok.Outcome == HttpOutcome.Ok, $"{ok.Outcome}: {ok.Error}");
        Assert.Equal("Through the tunnel", ok.Title);
        Assert.Equal(HttpOutcome.ProxyError, wrong.Outcome);
        Assert.Equal(HttpOutcome.ProxyError, anonymous.Outcome);
        Assert.Equal(HttpOutcome.ProxyError, dead.Outcome);
        Assert.Contains("cannot reach the proxy", dead.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_that_accepts_but_never_answers_is_a_proxy_error_and_the_pool_retries_through_another()
    {
        await using var microsocks = await ProxyServers.MicrosocksAsync();
        using var stalling = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        stalling.Start(); // accepts connections (the kernel completes the handshake) and never says a word
        var stalled = new ProxyEndpoint(ProxyProtocol.Http, "127.0.0.1", ((IPEndPoint)stalling.LocalEndpoint).Port);
        var working = new ProxyEndpoint(ProxyProtocol.Socks5, "127.0.0.1", microsocks.Port);
        var persona = new HttpPersonaConfig { Name = "lab", SchemeOrder = SchemeOrder.Http, HttpPorts = [_lab.HttpPort], ConnectTimeoutMs = 300, TotalTimeoutMs = 2_000 };
        HttpProber Prober(ProxyEndpoint? proxy, Core.Proxies.ProxyRotator? pool) => new(new HttpProberOptions
        {
            Persona = persona, Guard = new NetworkGuard(allowPrivateTargets: true), Proxy = proxy, ProxyPool = pool, ProxyRetries = 1,
        });

        using var alone = Prober(stalled, null);
        var stuck = await alone.ProbeAsync("site.lab.test", [IPAddress.Loopback]);
        using var pooled = Prober(null, new Core.Proxies.ProxyRotator([(stalled, 1), (working, 1)], Core.Proxies.ProxyRotation.RoundRobin));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => pooled.ProbeAsync("site.lab.test", [IPAddress.Loopback])));

        Assert.Equal(HttpOutcome.ProxyError, stuck.Outcome);
        Assert.Contains("did not open a tunnel in time", stuck.Error, StringComparison.Ordinal);
        Assert.All(results, r => Assert.Equal((HttpOutcome.Ok, working.ToString()), (r.Outcome, r.Proxy)));
    }

    [Theory]
    [InlineData("socks5://u:p%40ss@127.0.0.1:1080", ProxyProtocol.Socks5, "u", "p@ss")]
    [InlineData("http://10.0.0.1:3128", ProxyProtocol.Http, null, null)]
    public void Proxy_urls_parse_with_their_credentials(string url, ProxyProtocol protocol, string? user, string? password)
    {
        var proxy = ProxyEndpoint.TryParse(url, out var error);

        Assert.Null(error);
        Assert.Equal((protocol, user, password), (proxy!.Protocol, proxy.Username, proxy.Password));
        Assert.DoesNotContain(password ?? "\u0000", proxy.ToString(), StringComparison.Ordinal);
        Assert.Null(ProxyEndpoint.TryParse("ftp://x:1", out var bad));
        Assert.NotNull(bad);
    }
}

using System.Diagnostics;
using System.Net;
using DomainFlow.Core.Http;
using DomainFlow.Core.Personas;

namespace DomainFlow.Core.Proxies;

/// <summary>What one check of a proxy found.</summary>
public sealed record ProxyCheck(bool Ok, long LatencyMs, string? Error);

/// <summary>
/// Checks a proxy for real. With a check URL (an IP-literal http or https URL: no lookup), a request to it through
/// the proxy must get an HTTP answer. Without one, the proxy's own handshake: TCP connect plus the SOCKS greeting
/// (and authentication), or an HTTP CONNECT to a loopback port that the proxy must answer (any status but 407).
/// </summary>
public static class ProxyChecker
{
    public static async Task<ProxyCheck> CheckAsync(ProxyEndpoint proxy, Uri? checkUrl, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            if (checkUrl is null)
            {
                await ProxyTunnel.HandshakeAsync(proxy, deadline.Token);
                return new ProxyCheck(true, clock.ElapsedMilliseconds, null);
            }
            var address = IPAddress.Parse(checkUrl.Host.Trim('[', ']'));
            using var prober = new HttpProber(new HttpProberOptions
            {
                Persona = new HttpPersonaConfig
                {
                    Name = "proxy check",
                    SchemeOrder = checkUrl.Scheme == "https" ? SchemeOrder.Https : SchemeOrder.Http,
                    HttpPorts = [checkUrl.Port],
                    HttpsPorts = [checkUrl.Port],
                    ConnectTimeoutMs = (int)timeout.TotalMilliseconds,
                    TotalTimeoutMs = (int)timeout.TotalMilliseconds,
                    AllowedStatusCodes = ["100-599"],
                    MaxBodyBytes = 64 * 1024,
                },
                Guard = new NetworkGuard(allowPrivateTargets: true), // the operator's own check URL
                Technologies = null,
                Proxy = proxy,
            });
            var result = await prober.ProbeAsync(checkUrl.Host.Trim('[', ']'), [address], deadline.Token);
            return result.Outcome == HttpOutcome.Ok
                ? new ProxyCheck(true, clock.ElapsedMilliseconds, null)
                : new ProxyCheck(false, clock.ElapsedMilliseconds, $"{WireNames.ToWire(result.Outcome)}: {result.Error}");
        }
        catch (ProxyTunnelException e)
        {
            return new ProxyCheck(false, clock.ElapsedMilliseconds, e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProxyCheck(false, clock.ElapsedMilliseconds, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Why a check URL cannot be used, or null: http(s) to an IP address, so checking needs no lookup.</summary>
    public static string? CheckUrlError(string? url) =>
        url is null ? null
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ? "must be an http or https URL"
        : !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? "must name the server by IP address (checks do no DNS lookup)"
        : null;
}

using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using DomainFlow.Core.Personas;
using DomainFlow.Core.RateLimits;

namespace DomainFlow.Core.Http;

/// <summary>
/// Probes one site at a time per call (call it concurrently): connects to the addresses the DNS phase found, with
/// the domain as Host and SNI, follows redirects by hand within the persona's limit (recording each hop and checking
/// each address against the network guard), reads at most the body cap, and turns the page into signals. Every
/// failure is a result with its own outcome. One handler per probe: a new connection per site, as a prober needs,
/// and a cookie jar and certificate of its own.
/// </summary>
public sealed class HttpProber : IDisposable
{
    private static readonly int[] RedirectStatuses = [301, 302, 303, 307, 308];
    private readonly HttpProberOptions _options;
    private readonly HttpPersonaConfig _persona;
    private readonly Shared<TokenBucketRateLimiter>? _global;
    private readonly Shared<PartitionedRateLimiter<string>>? _perHost;
    private readonly HashSet<string> _personaHeaderNames;
    private int _nextAgent;

    public HttpProber(HttpProberOptions options)
    {
        _options = options;
        _persona = options.Persona;
        _personaHeaderNames = new HashSet<string>(_persona.Headers.Select(h => h.Name), StringComparer.OrdinalIgnoreCase);
        if (_persona.GlobalRate is { } global)
        {
            _global = SharedRateLimiters.Acquire(options.RateScope, $"http-global:{global.PerSecond}/{global.Burst}", () => new TokenBucketRateLimiter(Bucket(global)));
        }
        if (_persona.PerHostRate is { } perHost)
        {
            _perHost = SharedRateLimiters.Acquire(options.RateScope, $"http-host:{perHost.PerSecond}/{perHost.Burst}", () =>
                PartitionedRateLimiter.Create<string, string>(host => RateLimitPartition.GetTokenBucketLimiter(host, _ => Bucket(perHost)), StringComparer.OrdinalIgnoreCase));
        }
    }

    private static TokenBucketRateLimiterOptions Bucket(Resources.RateSpec rate) => new()
    {
        TokenLimit = rate.Burst ?? rate.PerSecond,
        TokensPerPeriod = rate.PerSecond >= 100 ? rate.PerSecond / 100 : 1,
        ReplenishmentPeriod = rate.PerSecond >= 100 ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromSeconds(1.0 / rate.PerSecond),
        QueueLimit = int.MaxValue,
        AutoReplenishment = true,
    };

    public async Task<HttpProbeResult> ProbeAsync(string domain, IReadOnlyList<IPAddress> addresses, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        HttpProbeResult result;
        try
        {
            var tried = new List<ProxyEndpoint>();
            var proxy = _options.ProxyPool?.Pick(domain, tried) ?? _options.Proxy;
            result = await ProbeSchemesAsync(domain, addresses, proxy, Origins(domain), ct);
            _options.ProxyPool?.Report(proxy!, result.Outcome == HttpOutcome.ProxyError);
            for (var attempt = 1; result.Outcome == HttpOutcome.ProxyError && _options.ProxyPool is { } pool && attempt <= _options.ProxyRetries; attempt++)
            {
                tried.Add(proxy!);
                proxy = pool.Pick(domain, tried);
                result = await ProbeSchemesAsync(domain, addresses, proxy, Origins(domain), ct);
                pool.Report(proxy, result.Outcome == HttpOutcome.ProxyError);
            }
            result = result with { Proxy = proxy?.ToString() };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        return result with { ElapsedMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1) };
    }

    /// <summary>
    /// Fetches one given URL (its scheme, port and path instead of the persona's origins), through the persona and the
    /// network guard, redirects followed as for a probe: what a persona test does.
    /// </summary>
    public async Task<HttpProbeResult> FetchUrlAsync(Uri url, IReadOnlyList<IPAddress> addresses, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var result = await ProbeSchemesAsync(url.IdnHost.ToLowerInvariant(), addresses, _options.Proxy, [url], ct);
        return result with { ElapsedMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1) };
    }

    /// <summary>Tries the origins in order (schemes and ports); only a failure to talk to one at all moves on to the next.</summary>
    private async Task<HttpProbeResult> ProbeSchemesAsync(string domain, IReadOnlyList<IPAddress> addresses, ProxyEndpoint? proxy, IEnumerable<Uri> origins, CancellationToken ct)
    {
        var known = addresses.Count > 0 ? addresses
            : _options.ResolveHost is { } resolve ? await resolve(domain, ct) : [];
        if (known.Count == 0)
        {
            return new HttpProbeResult { Domain = domain, Outcome = HttpOutcome.Error, Error = "no address to connect to (the name did not resolve)" };
        }
        if (!known.Any(_options.Guard.Permits))
        {
            return new HttpProbeResult { Domain = domain, Outcome = HttpOutcome.BlockedTarget, Error = $"{string.Join(", ", known)}: not a public address, and private targets are not allowed" };
        }
        using var session = new ProbeSession(this, domain, known, proxy);
        HttpProbeResult? last = null;
        foreach (var origin in origins)
        {
            last = await session.FetchAsync(origin, ct);
            // Only a failure to talk to the origin at all moves on to the next scheme or port.
            if (last.Outcome is not (HttpOutcome.ConnectionRefused or HttpOutcome.TlsError or HttpOutcome.Timeout) || last.Status is not null)
            {
                break;
            }
        }
        return last!;
    }

    private IEnumerable<Uri> Origins(string domain)
    {
        var https = _persona.HttpsPorts.Select(p => new Uri(p == 443 ? $"https://{domain}/" : $"https://{domain}:{p}/"));
        var http = _persona.HttpPorts.Select(p => new Uri(p == 80 ? $"http://{domain}/" : $"http://{domain}:{p}/"));
        return _persona.SchemeOrder switch
        {
            SchemeOrder.HttpsThenHttp => https.Concat(http),
            SchemeOrder.HttpThenHttps => http.Concat(https),
            SchemeOrder.Https => https,
            _ => http,
        };
    }

    /// <summary>
    /// Waits for the persona's rates before each request, redirect hops, scheme fallbacks and favicons included: the
    /// per-host cap is what keeps a thousand parked names redirecting to one parking host from hammering it.
    /// </summary>
    private async ValueTask WaitForRateAsync(string host, CancellationToken ct)
    {
        if (_global is not null)
        {
            using var lease = await _global.Value.AcquireAsync(1, ct);
        }
        if (_perHost is not null)
        {
            using var lease = await _perHost.Value.AcquireAsync(host, 1, ct);
        }
    }

    private string NextUserAgent() => _persona.UserAgents[(int)((uint)Interlocked.Increment(ref _nextAgent) % _persona.UserAgents.Count)];

    public void Dispose()
    {
        _global?.Dispose();
        _perHost?.Dispose();
    }

    /// <summary>Why a connection was not made, classified where it happens.</summary>
    private sealed class ProbeFailure(HttpOutcome outcome, string message) : Exception(message)
    {
        public HttpOutcome Outcome { get; } = outcome;
    }

    /// <summary>One site's probe: its handler (connections, cookie jar), its known addresses and its certificate.</summary>
    private sealed class ProbeSession : IDisposable
    {
        private readonly HttpProber _prober;
        private readonly HttpPersonaConfig _persona;
        private readonly string _domain;
        private readonly Dictionary<string, IReadOnlyList<IPAddress>> _addresses = new(StringComparer.OrdinalIgnoreCase);
        private readonly HttpClient _client;
        private readonly CookieContainer _cookies = new();
        private CertificateInfo? _certificate;
        private string? _connectedTo;

        // Set while a proxy is asked for a tunnel: a timeout then is the proxy's failure (stalled, or dropping our
        // packets), not the site's, so it is a proxy_error and the pool retries through another member.
        private string? _tunnelPending;

        private readonly ProxyEndpoint? _proxy;

        public ProbeSession(HttpProber prober, string domain, IReadOnlyList<IPAddress> addresses, ProxyEndpoint? proxy)
        {
            _proxy = proxy;
            _prober = prober;
            _persona = prober._persona;
            _domain = domain;
            _addresses[domain] = addresses;
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromMilliseconds(_persona.ConnectTimeoutMs),
                UseCookies = _persona.CookieMode == CookieMode.Session,
                CookieContainer = _cookies,
                UseProxy = false,
                MaxResponseHeadersLength = 64,
                ConnectCallback = ConnectAsync,
                SslOptions = TlsOptions(),
            };
            _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        private SslClientAuthenticationOptions TlsOptions()
        {
            var options = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = _persona.SslProtocols,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (certificate is not null)
                    {
                        _certificate = Describe(new X509Certificate2(certificate), errors, chain);
                    }
                    return !_persona.ValidateCertificates || errors == SslPolicyErrors.None;
                },
            };
            if (_persona.CipherSuites is { } suites && !OperatingSystem.IsWindows())
            {
                try
                {
                    options.CipherSuitesPolicy = new CipherSuitesPolicy(suites.Select(Enum.Parse<TlsCipherSuite>));
                }
                catch (PlatformNotSupportedException)
                {
                    // The platform picks its suites (macOS): the persona's list cannot be applied there.
                }
            }
            return options;
        }

        private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
        {
            var host = context.DnsEndPoint.Host;
            var candidates = _addresses.GetValueOrDefault(host) ?? (IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? new[] { literal } : null)
                ?? throw new ProbeFailure(HttpOutcome.Error, $"no address known for {host}");
            var permitted = candidates.Where(_prober._options.Guard.Permits).ToList();
            if (permitted.Count == 0)
            {
                throw new ProbeFailure(HttpOutcome.BlockedTarget, $"{host} is at {string.Join(", ", candidates)}: not a public address, and private targets are not allowed");
            }
            if (_proxy is { } proxy)
            {
                try
                {
                    _tunnelPending = proxy.ToString();
                    var tunnel = await ProxyTunnel.OpenAsync(proxy, new IPEndPoint(permitted[0], context.DnsEndPoint.Port), ct);
                    _tunnelPending = null;
                    _connectedTo = permitted[0].ToString();
                    return tunnel;
                }
                catch (ProxyTunnelException e)
                {
                    throw new ProbeFailure(HttpOutcome.ProxyError, e.Message);
                }
            }
            SocketException? last = null;
            foreach (var address in permitted)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                    _connectedTo = address.ToString();
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    last = e;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
            throw last!;
        }

        public async Task<HttpProbeResult> FetchAsync(Uri origin, CancellationToken ct)
        {
            using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
            total.CancelAfter(_persona.TotalTimeoutMs);
            var hops = new List<RedirectHop>();
            var url = origin;
            int? status = null;
            try
            {
                while (true)
                {
                    using var response = await SendAsync(url, total.Token);
                    status = (int)response.StatusCode;
                    var location = response.Headers.Location;
                    if (RedirectStatuses.Contains(status.Value) && location is not null && _persona.FollowRedirects)
                    {
                        var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                        hops.Add(new RedirectHop(url.ToString(), status.Value, next.ToString()));
                        if (hops.Count > _persona.MaxRedirects)
                        {
                            return Result(HttpOutcome.TooManyRedirects, hops, url, status) with { Error = $"more than {_persona.MaxRedirects} redirects" };
                        }
                        if (next.Scheme is not ("http" or "https"))
                        {
                            return Result(HttpOutcome.Error, hops, url, status) with { Error = $"redirect to a {next.Scheme}: URL" };
                        }
                        if (!await KnowAddressesAsync(next.IdnHost, total.Token))
                        {
                            return Result(HttpOutcome.Error, hops, url, status) with { Error = $"redirect to {next.Host}, whose address is unknown (no resolver for redirects)" };
                        }
                        url = next;
                        continue;
                    }
                    return await ReadAsync(response, url, hops, total.Token);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ProbeFailure or IOException or AuthenticationException && !ct.IsCancellationRequested)
            {
                var (outcome, message) = Classify(e, total.IsCancellationRequested);
                if (outcome == HttpOutcome.Timeout && _tunnelPending is { } stalled)
                {
                    (outcome, message) = (HttpOutcome.ProxyError, $"proxy {stalled} did not open a tunnel in time");
                }
                return Result(outcome, hops, url, status) with { Error = message };
            }
        }

        private async Task<bool> KnowAddressesAsync(string host, CancellationToken ct)
        {
            if (_addresses.ContainsKey(host) || IPAddress.TryParse(host.Trim('[', ']'), out _))
            {
                return true;
            }
            if (_prober._options.ResolveHost is not { } resolve)
            {
                return false;
            }
            var found = await resolve(host, ct);
            _addresses[host] = found;
            return found.Count > 0;
        }

        private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken ct)
        {
            await _prober.WaitForRateAsync(url.IdnHost, ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, url)
            {
                Version = _persona.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
                VersionPolicy = _persona.Http2 ? HttpVersionPolicy.RequestVersionOrLower : HttpVersionPolicy.RequestVersionExact,
            };
            // The defaults come first; a header the persona lists itself replaces its default and keeps the persona's order.
            var own = _prober._personaHeaderNames;
            if (!own.Contains("User-Agent"))
            {
                request.Headers.TryAddWithoutValidation("User-Agent", _prober.NextUserAgent());
            }
            if (!own.Contains("Accept"))
            {
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            }
            if (_persona.AcceptLanguage is { } language && !own.Contains("Accept-Language"))
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
            }
            foreach (var header in _persona.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
            _prober._options.OnRequest?.Invoke(request);
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }

        private async Task<HttpProbeResult> ReadAsync(HttpResponseMessage response, Uri url, List<RedirectHop> hops, CancellationToken ct)
        {
            var status = (int)response.StatusCode;
            var cap = _persona.MaxBodyBytes;
            var (buffer, length) = await ReadBodyAsync(response, cap, ct);
            var truncated = length > cap;
            var bodyBytes = Math.Min(length, cap);
            var contentType = response.Content.Headers.ContentType;
            PageContent page;
            try
            {
                page = PageExtractor.Extract(buffer.AsSpan(0, bodyBytes), contentType?.CharSet, response.Content.Headers.ContentLanguage.FirstOrDefault());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            var isText = contentType?.MediaType is null || contentType.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.MediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
            var options = _prober._options;
            var keywords = isText && options.Keywords is { } matcher ? matcher.Match($"{page.Description}\n{page.Text}") : Keywords.KeywordMatches.None;
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var cookies = _cookies.GetAllCookies().Concat(SetCookies(response)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
            var technologies = options.Technologies?.Detect(new PageEvidence(headers, cookies, isText ? page.Html : "", page.Meta, page.ScriptSources)) ?? [];
            return new HttpProbeResult
            {
                Domain = _domain,
                Outcome = _persona.Allows(status) ? HttpOutcome.Ok : HttpOutcome.HttpError,
                Error = _persona.Allows(status) ? null : $"status {status} is not among the allowed {string.Join(", ", _persona.AllowedStatusCodes)}",
                Address = _connectedTo,
                Status = status,
                FinalUrl = url.ToString(),
                Redirects = hops,
                Title = isText ? page.Title : null,
                Description = isText ? page.Description : null,
                ContentType = contentType?.ToString(),
                ContentLength = response.Content.Headers.ContentLength,
                BodyBytes = bodyBytes,
                BodyTruncated = truncated,
                Server = response.Headers.Server.Count > 0 ? response.Headers.Server.ToString() : null,
                Language = isText ? page.Language : null,
                Links = isText ? page.Links : null,
                BodySha256 = page.Sha256,
                Text = isText && options.KeepText ? page.Text : null,
                Certificate = url.Scheme == "https" ? _certificate : null,
                KeywordHits = keywords.Hits,
                KeywordScore = keywords.Score,
                Parked = isText ? ParkedDetector.Assess(page.Title, page.Text, page.Html) : null,
                Technologies = technologies,
                FaviconHash = options.Favicon && _persona.Allows(status) ? await FaviconAsync(url, ct) : null,
            };
        }

        /// <summary>
        /// Up to cap + 1 bytes (one more tells a cut body) into a pooled buffer grown as the body comes: most pages are
        /// small, and a fresh large array per probe would land on the large object heap every time.
        /// </summary>
        private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpResponseMessage response, int cap, CancellationToken ct)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap + 1, 32 * 1024));
            var length = 0;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                while (length <= cap)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(cap + 1, buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap + 1) - length), ct);
                    if (read == 0)
                    {
                        break;
                    }
                    length += read;
                }
                return (buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        private static IEnumerable<Cookie> SetCookies(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var values)
                ? values.Select(v => v.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Length > 0).Select(p => new Cookie(p[0].Trim(), p[1].Trim()))
                : [];

        private async Task<int?> FaviconAsync(Uri page, CancellationToken ct)
        {
            try
            {
                using var response = await SendAsync(new Uri(page, "/favicon.ico"), ct);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > 1 << 20)
                {
                    return null;
                }
                var icon = await response.Content.ReadAsByteArrayAsync(ct);
                return icon.Length is > 0 and <= 1 << 20 ? FaviconHash.Compute(icon) : null;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ProbeFailure or IOException && !ct.IsCancellationRequested)
            {
                return null;
            }
        }

        private HttpProbeResult Result(HttpOutcome outcome, List<RedirectHop> hops, Uri url, int? status) => new()
        {
            Domain = _domain,
            Outcome = outcome,
            Address = _connectedTo,
            Status = outcome == HttpOutcome.TooManyRedirects ? status : null,
            FinalUrl = url.ToString(),
            Redirects = hops,
            Certificate = _certificate,
        };

        private static (HttpOutcome, string) Classify(Exception e, bool timedOut)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                switch (inner)
                {
                    case ProbeFailure failure:
                        return (failure.Outcome, failure.Message);
                    case AuthenticationException:
                        return (HttpOutcome.TlsError, inner.Message);
                    case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                        return (HttpOutcome.ConnectionRefused, "connection refused");
                    case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    case TimeoutException:
                        return (HttpOutcome.Timeout, inner.Message);
                    case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                        return (HttpOutcome.TlsError, inner.Message);
                    case HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError }:
                        return (HttpOutcome.ProxyError, inner.Message);
                }
            }
            return timedOut || e is OperationCanceledException ? (HttpOutcome.Timeout, "the site did not answer within the total timeout") : (HttpOutcome.Error, e.Message);
        }

        private static CertificateInfo Describe(X509Certificate2 certificate, SslPolicyErrors errors, X509Chain? chain)
        {
            var names = new List<string>();
            foreach (var extension in certificate.Extensions)
            {
                if (extension is X509SubjectAlternativeNameExtension san)
                {
                    names.AddRange(san.EnumerateDnsNames());
                    names.AddRange(san.EnumerateIPAddresses().Select(a => a.ToString()));
                }
            }
            var problems = errors == SslPolicyErrors.None ? null
                : string.Join("; ", new[] { errors.ToString() }.Concat(chain?.ChainStatus.Select(s => s.StatusInformation.Trim()) ?? []).Where(s => s.Length > 0).Distinct());
            return new CertificateInfo(
                certificate.Subject, certificate.Issuer, names, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(),
                Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)), certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData),
                errors == SslPolicyErrors.None, problems);
        }

        public void Dispose() => _client.Dispose();
    }
}

using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using DomainFlow.Server.Security;
using DomainFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DomainFlow.Server.Tests.Auth;

public sealed class TransportSecurityTests
{
    [Fact]
    public async Task The_ui_and_the_api_send_a_strict_content_security_policy_and_the_other_security_headers()
    {
        await using var server = await TestServer.StartAsync(workers: 0);

        using var page = await server.Anonymous.Http.GetAsync("/");
        using var api = await server.Anonymous.Http.GetAsync("/api/v2/campaigns");

        foreach (var response in new[] { page, api })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP
        }
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Over_https_the_server_speaks_tls_1_2_or_later_sends_hsts_and_marks_the_session_cookie_secure()
    {
        using var certificate = SelfSigned();
        var pfx = Path.GetTempFileName();
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            await using var server = await TestServer.StartAsync(workers: 0, extra:
                ["--urls=https://127.0.0.1:0", $"--Kestrel:Certificates:Default:Path={pfx}", "--Kestrel:Certificates:Default:Password=pfx-password"]);
            using var http = new HttpClient(new SocketsHttpHandler
            {
                UseCookies = false,
                SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString() },
            })
            { BaseAddress = server.Url };

            using var login = await http.PostAsync("/api/v2/auth/login", JsonContent(new JsonObject { ["email"] = TestServer.DefaultAdminEmail, ["password"] = TestServer.Password }));
            var protocol = await NegotiatedProtocolAsync(server.Url, certificate);

            Assert.Equal("https", server.Url.Scheme);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.StartsWith("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single());
            var cookie = login.Headers.GetValues("Set-Cookie").Single();
            Assert.StartsWith("__Host-df_session=", cookie, StringComparison.Ordinal); // Secure, host-only, path /: enforced by browsers
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v2/auth/me");
            me.Headers.Add("Cookie", cookie.Split(';')[0]);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(me)).StatusCode); // and it is read back under that name
            Assert.True(protocol >= SslProtocols.Tls12, protocol.ToString());
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_json_body_over_the_size_limit_is_refused_with_413()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: "--Kestrel:Limits:MaxRequestBodySize=65536");
        var huge = TestServer.PatternSpec("big", 18);
        huge["description"] = new string('x', 100_000);

        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v2/campaigns", huge);

        Assert.Equal(413, status);
        Assert.Equal("payload_too_large", problem["code"]!.GetValue<string>());
        Assert.Empty((await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Body["items"]!.AsArray());
    }

    [Fact]
    public async Task Secrets_protected_by_one_node_are_readable_by_another_sharing_the_database()
    {
        await using var first = await TestServer.StartAsync("postgres", workers: 0);
        await using var second = await first.StartNodeAsync(workers: 0);

        var ciphertext = first.Services.GetRequiredService<SecretProtector>().Protect("proxy-password");

        Assert.DoesNotContain("proxy-password", ciphertext);
        Assert.Equal("proxy-password", second.Services.GetRequiredService<SecretProtector>().Unprotect(ciphertext));
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static async Task<SslProtocols> NegotiatedProtocolAsync(Uri url, X509Certificate2 certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" });
        return tls.SslProtocol;
    }
}

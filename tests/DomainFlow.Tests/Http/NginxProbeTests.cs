using System.Net;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;
using DomainFlow.Testing.Web;

namespace DomainFlow.Tests.Http;

/// <summary>A real third-party web server: Debian's nginx on loopback, gzip on.</summary>
public sealed class NginxProbeTests
{
    [Fact]
    public async Task A_page_from_nginx_is_decompressed_read_and_nginx_is_recognised_with_its_version()
    {
        var body = "<!doctype html><html lang=\"en\"><head><title>Served by nginx</title></head><body>"
            + string.Concat(Enumerable.Repeat("<p>nginx serves this keyword page for the prober.</p>\n", 50)) + "</body></html>";
        await using var nginx = await NginxServer.StartAsync(body);
        using var prober = new HttpProber(new HttpProberOptions
        {
            Persona = new HttpPersonaConfig { Name = "nginx", SchemeOrder = SchemeOrder.Http, HttpPorts = [nginx.Port] },
            Guard = new NetworkGuard(allowPrivateTargets: true),
            Keywords = new KeywordMatcher([new("keyword page")]),
        });

        var result = await prober.ProbeAsync("any-host.lab.test", [IPAddress.Loopback]);

        Assert.True(result.Outcome == HttpOutcome.Ok, $"{result.Outcome}: {result.Error}\n{nginx.Log}");
        Assert.Equal(("Served by nginx", 200), (result.Title, result.Status));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), result.BodyBytes); // decompressed: gzip was on
        Assert.Equal(50, Assert.Single(result.KeywordHits).Count);
        var tech = Assert.Single(result.Technologies, t => t.Name == "Nginx");
        Assert.Matches(@"^\d+\.\d+\.\d+$", tech.Version);
    }
}

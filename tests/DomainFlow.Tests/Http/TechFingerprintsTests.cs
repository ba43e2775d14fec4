using System.Text.Json;
using DomainFlow.Core.Http;

namespace DomainFlow.Tests.Http;

/// <summary>User-supplied fingerprints in the Wappalyzer layout: a folder of categories.json and letter files.</summary>
public sealed class TechFingerprintsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("domainflow-tech-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static PageEvidence Page(
        Dictionary<string, string>? headers = null, Dictionary<string, string>? cookies = null, string html = "",
        Dictionary<string, string>? meta = null, string[]? scripts = null) =>
        new(headers ?? [], cookies ?? [], html, meta ?? [], scripts ?? []);

    [Fact]
    public void A_wappalyzer_folder_is_merged_and_headers_cookies_meta_scripts_html_versions_and_implies_all_match()
    {
        Write("categories.json", """{ "1": { "name": "CMS", "priority": 1 }, "27": { "name": "Programming languages" }, "22": { "name": "Web servers" } }""");
        Write("a.json", """
            {
              "AcmeCMS": { "cats": [1], "meta": { "generator": "^AcmeCMS ([\\d.]+)\\;version:\\1" }, "implies": "PHP" },
              "Apache HTTP Server": { "cats": [22], "headers": { "Server": "Apache(?:/([\\d.]+))?\\;version:\\1" } }
            }
            """);
        Write("p.json", """
            {
              "PHP": { "cats": [27], "cookies": { "PHPSESSID": "" } },
              "Plausible": { "cats": [10], "scriptSrc": "plausible\\.io/js/" },
              "PriceTag": { "cats": [6], "html": "<div class=\"price-tag\"" }
            }
            """);
        var fingerprints = TechFingerprints.LoadPath(_folder.FullName);

        var cms = fingerprints.Detect(Page(meta: new() { ["generator"] = "AcmeCMS 4.2" }));
        var server = fingerprints.Detect(Page(headers: new(StringComparer.OrdinalIgnoreCase) { ["server"] = "Apache/2.4.57 (Debian)" }));
        var cookie = fingerprints.Detect(Page(cookies: new() { ["PHPSESSID"] = "abc" }));
        var script = fingerprints.Detect(Page(scripts: ["https://plausible.io/js/script.js"], html: "<div class=\"price-tag\">9</div>"));

        Assert.Equal(5, fingerprints.Count);
        Assert.Equal(
            [("AcmeCMS", "CMS", "4.2", "meta generator"), ("PHP", "Programming languages", null, "implied by AcmeCMS")],
            cms.Select(t => (t.Name, t.Categories.Single(), t.Version, t.Evidence)));
        Assert.Equal(("Apache HTTP Server", "Web servers", "2.4.57"), (server.Single().Name, server.Single().Categories.Single(), server.Single().Version));
        Assert.Equal(("PHP", "cookie PHPSESSID"), (cookie.Single().Name, cookie.Single().Evidence));
        Assert.Equal(["Plausible", "PriceTag"], script.Select(t => t.Name));
        Assert.Equal("category 10", script[0].Categories.Single()); // an id categories.json does not name
    }

    [Fact]
    public void A_single_file_loads_and_a_missing_or_malformed_one_names_itself()
    {
        var file = Write("one.json", """{ "technologies": { "Solo": { "html": "solo-marker" } } }""");
        var broken = Write("broken.json", "{ not json");

        Assert.Equal("Solo", TechFingerprints.LoadPath(file).Detect(Page(html: "x solo-marker y")).Single().Name);
        Assert.Contains("broken.json", Assert.Throws<JsonException>(() => TechFingerprints.LoadPath(broken)).Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", Assert.Throws<FileNotFoundException>(() => TechFingerprints.LoadPath(Path.Combine(_folder.FullName, "nowhere"))).Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The HTTP personas pages against the loopback web lab: every field saved as typed, errors on their fields, a real fetch.</summary>
public sealed partial class HttpPersonasPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override Task<TestServer> StartServerAsync() => TestServer.StartAsync("sqlite", 1, "--Network:AllowPrivateTargets=true");

    [Fact]
    public Task A_persona_made_in_the_form_is_stored_as_typed_and_its_test_fetches_the_lab_site_with_its_headers() => UiAsync(async () =>
    {
        // The site echoes the persona's header in its title: what the test panel shows was really sent.
        var sites = new Dictionary<string, LabSite>
        {
            ["shop.test"] = context => LabWebServer.Sites.Page($"seen {context.Request.Headers["X-Probe"]}", "<p>Buy acme here.</p>")(context),
        };
        await using var web = await LabWebServer.StartAsync(sites);

        await Page.GotoAsync("/");
        await Page.GetByTestId("nav-http-personas").ClickAsync();
        await Expect(Page.GetByText("No HTTP personas yet")).ToBeVisibleAsync();
        await Page.GetByTestId("new-http-persona").ClickAsync();

        await Page.GetByTestId("http-persona-name").FillAsync("Lab browser");
        await Page.GetByTestId("http-persona-headers").FillAsync("X-Probe: one\nnot a header");
        await Page.GetByTestId("http-persona-schemeOrder").SelectOptionAsync("http");
        await Page.GetByTestId("http-persona-httpPorts").FillAsync($"{web.HttpPort}");
        await Page.GetByTestId("http-persona-totalTimeoutMs").FillAsync("1000");
        await Page.GetByTestId("save-http-persona").ClickAsync();

        // The browser's own check names the header line; nothing is sent yet.
        await Expect(Page.GetByTestId("error-http-persona-headers")).ToHaveTextAsync("Header 2: must be written “Name: value”");
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/http")).Body.AsArray());

        // The server's rule (total timeout below the connect timeout) comes back on its field.
        await Page.GetByTestId("http-persona-headers").FillAsync("X-Probe: one");
        await Page.GetByTestId("save-http-persona").ClickAsync();
        await Expect(Page.GetByTestId("error-http-persona-totalTimeoutMs")).ToContainTextAsync("at least connectTimeoutMs");
        await Expect(Page.GetByTestId("http-persona-totalTimeoutMs")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/http")).Body.AsArray());

        await Page.GetByTestId("http-persona-totalTimeoutMs").FillAsync("8000");
        await Page.GetByTestId("http-persona-maxBodyBytes").FillAsync("256");
        await Page.GetByTestId("http-persona-allowedStatusCodes").FillAsync("200-299, 404");
        await Page.GetByTestId("save-http-persona").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PersonaUrl());
        await Expect(Page.GetByTestId("http-persona-title")).ToHaveTextAsync("Lab browser");

        var persona = Assert.Single((await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/http")).Body.AsArray())!;
        Assert.Equal("X-Probe", persona["headers"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("one", persona["headers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("http", persona["schemeOrder"]!.GetValue<string>());
        Assert.Equal([web.HttpPort], persona["httpPorts"]!.AsArray().Select(p => p!.GetValue<int>()));
        Assert.Equal(8000, persona["totalTimeoutMs"]!.GetValue<int>());
        Assert.Equal(256 * 1024, persona["maxBodyBytes"]!.GetValue<int>());
        Assert.Equal(["200-299", "404"], persona["allowedStatusCodes"]!.AsArray().Select(c => c!.GetValue<string>()));

        // A real fetch through the saved persona: the site saw the header, and the page is extracted.
        await Page.GetByTestId("http-test-domain").FillAsync("shop.test");
        await Page.GetByTestId("http-test-addresses").FillAsync("127.0.0.1");
        await Page.GetByTestId("http-run-test").ClickAsync();
        var result = Page.GetByTestId("http-result");
        await Expect(result.GetByTestId("http-outcome")).ToHaveAttributeAsync("data-outcome", "ok", new() { Timeout = 20_000 });
        await Expect(result.GetByTestId("http-outcome")).ToHaveTextAsync("OK 200");
        await Expect(result.GetByTestId("http-title")).ToHaveTextAsync("seen one");
        await Expect(result.GetByTestId("http-final-url")).ToHaveTextAsync($"http://shop.test:{web.HttpPort}/");
        await Expect(Page.GetByTestId("http-test-sent-headers")).ToContainTextAsync("X-Probe: one");
        await Expect(Page.GetByTestId("http-test-request").First).ToContainTextAsync($"GET http://shop.test:{web.HttpPort}/");
        await Expect(Page.GetByTestId("http-test-request").First).ToContainTextAsync("X-Probe: one");
        await CapturePageAsync("http-persona-editor");

        // A URL is fetched as it is: its path, whatever the persona's ports.
        await Page.GetByTestId("http-test-domain").FillAsync($"http://shop.test:{web.HttpPort}/deep/page");
        await Page.GetByTestId("http-run-test").ClickAsync();
        await Expect(result.GetByTestId("http-final-url")).ToHaveTextAsync($"http://shop.test:{web.HttpPort}/deep/page", new() { Timeout = 20_000 });

        // Listed, and the list's switch saves at once.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to HTTP personas" }).ClickAsync();
        var row = Page.GetByTestId("http-persona-row");
        await Expect(row).ToHaveAttributeAsync("data-name", "Lab browser");
        await Expect(row).ToContainTextAsync("HTTP only");
        await CapturePageAsync("http-personas");
        await row.GetByTestId("http-persona-enabled-toggle").UncheckAsync();
        await Expect(row.GetByTestId("http-persona-enabled-toggle")).ToBeEnabledAsync();
        Assert.False((await Server.SendAsync(HttpMethod.Get, $"/api/v2/personas/http/{persona["id"]}")).Body["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    [Fact]
    public Task An_untouched_form_saves_exactly_the_servers_defaults_and_a_persona_is_deleted_from_its_page() => UiAsync(async () =>
    {
        var (_, viaApi) = await Server.SendAsync(HttpMethod.Post, "/api/v2/personas/http", new JsonObject { ["name"] = "API defaults" });

        await Page.GotoAsync("/personas/http/new");
        await Page.GetByTestId("http-persona-name").FillAsync("Form defaults");
        await Page.GetByTestId("save-http-persona").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PersonaUrl());
        var id = PersonaUrl().Match(Page.Url).Groups[1].Value;
        var (_, viaForm) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/personas/http/{id}");
        foreach (var field in new[] { "id", "name", "createdAt", "updatedAt" })
        {
            viaApi.AsObject().Remove(field);
            viaForm.AsObject().Remove(field);
        }
        Assert.Equal(viaApi.ToJsonString(), viaForm.ToJsonString());

        await Page.GetByTestId("delete-http-persona").ClickAsync();
        await Page.GetByTestId("confirm-action").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/personas/http$"));
        await Expect(Page.GetByTestId("http-persona-row")).ToHaveCountAsync(1);
        Assert.Single((await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/http")).Body.AsArray());
    });

    [GeneratedRegex("/personas/http/([0-9a-f-]{36})$")]
    private static partial Regex PersonaUrl();
}

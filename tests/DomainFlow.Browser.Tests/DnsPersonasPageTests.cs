using System.Net;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

public sealed partial class DnsPersonasPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_persona_created_through_the_form_is_listed_and_its_test_resolves_through_a_lab_resolver() => UiAsync(async () =>
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 3, NameCount = 200 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.5"));
        var names = world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.Address).Take(3).ToList();

        await Page.GotoAsync("/");
        await Page.GetByTestId("nav-dns-personas").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "DNS personas" })).ToBeVisibleAsync();
        await Page.GetByTestId("new-persona").ClickAsync();

        await Page.GetByTestId("persona-name").FillAsync("Lab resolver");
        await Page.GetByTestId("resolver-address-0").FillAsync("lab-resolver:53");
        await Page.GetByTestId("record-type-AAAA").UncheckAsync();
        await Page.GetByTestId("persona-timeout").FillAsync("500");
        await Page.GetByTestId("save-persona").ClickAsync();

        // The server's message for resolvers[0].address appears on that row, and nothing is created.
        await Expect(Page.GetByTestId("error-resolver-address-0")).ToContainTextAsync("must be an IP address");
        await Expect(Page.GetByTestId("resolver-address-0")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/dns")).Body.AsArray());

        await Page.GetByTestId("resolver-address-0").FillAsync(lab.Endpoint.ToString());
        await Page.GetByTestId("save-persona").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PersonaUrl());
        await Expect(Page.GetByTestId("persona-title")).ToHaveTextAsync("Lab resolver");

        var (_, stored) = await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/dns");
        var persona = Assert.Single(stored.AsArray())!;
        Assert.Equal(lab.Endpoint.ToString(), persona["resolvers"]![0]!["address"]!.GetValue<string>());
        Assert.Equal(["A"], persona["recordTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(500, persona["timeoutMs"]!.GetValue<int>());

        // Listed with its figures.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to DNS personas" }).ClickAsync();
        var row = Page.GetByTestId("persona-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-name", "Lab resolver");
        await Expect(row.GetByTestId("persona-resolver-count")).ToHaveTextAsync("1");
        await Expect(row).ToContainTextAsync("Round robin");

        // Its test really resolves through the lab server and reports the resolver's figures.
        await row.GetByTestId("persona-link").ClickAsync();
        await Page.GetByTestId("test-names").FillAsync(string.Join('\n', names));
        await Page.GetByTestId("run-test").ClickAsync();
        var result = Page.GetByTestId("test-resolver-row");
        await Expect(result).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(result).ToHaveAttributeAsync("data-resolver", lab.Endpoint.ToString());
        await Expect(result.GetByTestId("test-answered")).ToHaveAttributeAsync("data-value", names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(result.GetByTestId("test-answer-rate")).ToHaveTextAsync("100.0%");
        Assert.Equal(names.Count, lab.QueriesAnswered);

        // The enabled switch of the list saves at once.
        await Page.GetByTestId("nav-dns-personas").ClickAsync();
        await Page.GetByTestId("persona-enabled-toggle").UncheckAsync();
        // The switch is disabled while its change is saved.
        await Expect(Page.GetByTestId("persona-enabled-toggle")).ToBeEnabledAsync();
        await Expect(Page.GetByTestId("persona-enabled-toggle")).Not.ToBeCheckedAsync();
        Assert.False((await Server.SendAsync(HttpMethod.Get, $"/api/v2/personas/dns/{persona["id"]}")).Body["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    [Fact]
    public Task An_import_with_a_problem_names_the_persona_and_changes_nothing_and_a_clean_one_adds_every_persona() => UiAsync(async () =>
    {
        await Page.GotoAsync("/personas/dns");
        await Expect(Page.GetByText("No DNS personas yet")).ToBeVisibleAsync();
        static FilePayload File(string json) => new() { Name = "personas.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) };

        await Page.GetByTestId("import-personas-file").SetInputFilesAsync(File("""
            [{ "name": "Good", "resolvers": [{ "address": "127.0.0.1:5353" }] },
             { "name": "Broken", "resolvers": [{ "address": "not-an-ip" }] }]
            """));

        await Expect(Page.GetByTestId("import-problems")).ToContainTextAsync("#2 “Broken” resolvers[0].address: must be an IP address");
        await Expect(Page.GetByTestId("persona-row")).ToHaveCountAsync(0);

        await Page.GetByTestId("import-personas-file").SetInputFilesAsync(File("""
            [{ "name": "Good", "resolvers": [{ "address": "127.0.0.1:5353" }] },
             { "name": "Also good", "resolvers": [{ "address": "127.0.0.2:5353", "weight": 2 }], "strategy": "weighted" }]
            """));

        await Expect(Page.GetByText("Imported 2 personas.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("persona-row")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("persona-row").First).ToHaveAttributeAsync("data-name", "Also good");
        Assert.Equal(2, (await Server.SendAsync(HttpMethod.Get, "/api/v2/personas/dns")).Body.AsArray().Count);
    });

    [GeneratedRegex(@"/personas/dns/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex PersonaUrl();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The proxy pools pages: members picked from the proxies with weights, the rotation, errors on their fields.</summary>
public sealed partial class ProxyPoolsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_pool_is_built_from_the_proxies_with_weights_and_a_rotation_and_listed() => UiAsync(async () =>
    {
        var (_, imported) = await Server.SendAsync(HttpMethod.Post, "/api/v2/proxies/import",
            new JsonObject { ["text"] = "socks5://127.0.0.1:1081\nhttp://127.0.0.1:3129" });
        Assert.Equal(2, imported["created"]!.AsArray().Count);
        var (_, proxies) = await Server.SendAsync(HttpMethod.Get, "/api/v2/proxies");
        var http = proxies.AsArray().Single(p => p!["protocol"]!.GetValue<string>() == "http")!;
        var socks = proxies.AsArray().Single(p => p!["protocol"]!.GetValue<string>() == "socks5")!;

        await Page.GotoAsync("/");
        await Page.GetByTestId("nav-proxy-pools").ClickAsync();
        await Expect(Page.GetByText("No proxy pools yet")).ToBeVisibleAsync();
        await Page.GetByTestId("new-proxy-pool").ClickAsync();
        await Page.GetByTestId("pool-name").FillAsync("Lab pool");

        // No member: the server's message shows on the members list, and nothing is created.
        await Page.GetByTestId("save-proxy-pool").ClickAsync();
        await Expect(Page.GetByTestId("error-pool-members")).ToContainTextAsync("must list between 1 and 10000 proxies");
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, "/api/v2/proxy-pools")).Body.AsArray());

        var rows = Page.GetByTestId("pool-member-row");
        await Expect(rows).ToHaveCountAsync(2);
        var httpRow = rows.Filter(new() { HasText = "http://127.0.0.1:3129" });
        var socksRow = rows.Filter(new() { HasText = "socks5://127.0.0.1:1081" });
        await httpRow.GetByTestId("pool-member-toggle").CheckAsync();
        await socksRow.GetByTestId("pool-member-toggle").CheckAsync();
        await socksRow.GetByTestId("pool-member-weight").FillAsync("5000");
        await Page.GetByTestId("pool-rotation").SelectOptionAsync("weighted");
        await Page.GetByTestId("save-proxy-pool").ClickAsync();
        // Members are sent in the order picked (the SOCKS proxy second): its weight's message lands on its own row.
        await Expect(socksRow).ToContainTextAsync("must be between 1 and 1000");

        await socksRow.GetByTestId("pool-member-weight").FillAsync("3");
        await Page.GetByTestId("save-proxy-pool").ClickAsync();
        await Expect(Page).ToHaveURLAsync(PoolUrl());
        var pool = Assert.Single((await Server.SendAsync(HttpMethod.Get, "/api/v2/proxy-pools")).Body.AsArray())!;
        Assert.Equal("weighted", pool["rotation"]!.GetValue<string>());
        Assert.Equal(
            [(http["id"]!.GetValue<string>(), 1), (socks["id"]!.GetValue<string>(), 3)],
            pool["members"]!.AsArray().Select(m => (m!["proxyId"]!.GetValue<string>(), m["weight"]!.GetValue<int>())));

        // A stored pool reopens with its members ticked and weighted.
        await Page.ReloadAsync();
        await Expect(socksRow.GetByTestId("pool-member-weight")).ToHaveValueAsync("3");
        await Expect(httpRow.GetByTestId("pool-member-toggle")).ToBeCheckedAsync();
        await CapturePageAsync("proxy-pool-editor");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to proxy pools" }).ClickAsync();
        var row = Page.GetByTestId("proxy-pool-row");
        await Expect(row).ToHaveAttributeAsync("data-name", "Lab pool");
        await Expect(row.GetByTestId("proxy-pool-member-count")).ToHaveTextAsync("2");
        await Expect(row).ToContainTextAsync("Weighted");
        await CapturePageAsync("proxy-pools");
        await row.GetByTestId("proxy-pool-enabled-toggle").UncheckAsync();
        await Expect(row.GetByTestId("proxy-pool-enabled-toggle")).ToBeEnabledAsync();
        Assert.False((await Server.SendAsync(HttpMethod.Get, $"/api/v2/proxy-pools/{pool["id"]}")).Body["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    [GeneratedRegex("/proxy-pools/([0-9a-f-]{36})$")]
    private static partial Regex PoolUrl();
}

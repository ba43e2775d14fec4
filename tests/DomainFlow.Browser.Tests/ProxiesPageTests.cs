using System.Net;
using System.Net.Sockets;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing.Proxies;

namespace DomainFlow.Browser.Tests;

/// <summary>The proxies page against Debian's microsocks on loopback: add a list or one through the form, edit, test, disable and delete one or a selection.</summary>
public sealed class ProxiesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Proxies_are_added_from_a_list_tested_for_real_disabled_and_deleted() => UiAsync(async () =>
    {
        await using var socks = await ProxyServers.MicrosocksAsync("web", "web-pass");
        using var closed = new Socket(SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // bound, never listening: a dead proxy
        var deadPort = ((IPEndPoint)closed.LocalEndPoint!).Port;

        await Page.GotoAsync("/proxies");
        await Expect(Page.GetByText("No proxies yet")).ToBeVisibleAsync();
        await Page.GetByTestId("proxy-list").FillAsync($"socks5://web:web-pass@127.0.0.1:{socks.Port}\nnot a proxy");
        await Page.GetByTestId("proxy-add").ClickAsync();
        await Expect(Page.GetByTestId("proxy-add-error")).ToContainTextAsync("line 2");
        await Expect(Page.GetByTestId("proxy-row")).ToHaveCountAsync(0);

        await Page.GetByTestId("proxy-list").FillAsync($"socks5://web:web-pass@127.0.0.1:{socks.Port}\n127.0.0.1:{deadPort}");
        await Page.GetByTestId("proxy-add").ClickAsync();
        var rows = Page.GetByTestId("proxy-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(Page.GetByText("password set")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("proxies-table")).Not.ToContainTextAsync("web-pass");

        await Page.GetByTestId("proxies-test-all").ClickAsync();
        var live = rows.Filter(new() { HasText = $"socks5://127.0.0.1:{socks.Port}" });
        var dead = rows.Filter(new() { HasText = $"http://127.0.0.1:{deadPort}" });
        await Expect(live).ToHaveAttributeAsync("data-status", "healthy");
        await Expect(dead).ToHaveAttributeAsync("data-status", "degraded");
        await Expect(dead).ToContainTextAsync("cannot reach the proxy");

        await dead.GetByTestId("proxy-toggle").ClickAsync();
        await Expect(dead).ToHaveAttributeAsync("data-enabled", "false");
        // Deleting asks first.
        await dead.GetByTestId("proxy-delete").ClickAsync();
        var dialog = Page.Locator("dialog[open]");
        await Expect(dialog).ToContainTextAsync("Delete this proxy?");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        Assert.Single((await Server.SendAsync(HttpMethod.Get, "/api/v2/proxies")).Body.AsArray());
    });

    [Fact]
    public Task A_proxy_is_added_and_edited_through_the_form_then_tested_and_deleted_by_selection() => UiAsync(async () =>
    {
        await using var socks = await ProxyServers.MicrosocksAsync("web", "web-pass");
        await Page.GotoAsync("/proxies");
        await Expect(Page.GetByText("No proxies yet")).ToBeVisibleAsync();
        var dialog = Page.Locator("dialog[open]");

        // Add: the server's message lands on the field it is about, then the proxy is stored with its password.
        await Page.GetByTestId("proxy-new").ClickAsync();
        await dialog.GetByTestId("proxy-protocol").SelectOptionAsync("socks5");
        await dialog.GetByTestId("proxy-host").FillAsync("127.0.0.1");
        await dialog.GetByTestId("proxy-username").FillAsync("web");
        await dialog.GetByTestId("proxy-password").FillAsync("web-pass");
        await dialog.GetByTestId("proxy-save").ClickAsync();
        await Expect(dialog.GetByTestId("error-proxy-port")).ToHaveTextAsync("must be between 1 and 65535");
        await Expect(dialog.GetByTestId("proxy-port")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByTestId("proxy-port").FillAsync(socks.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByTestId("proxy-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var rows = Page.GetByTestId("proxy-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("web (password set)");
        await Expect(Page.GetByTestId("proxies-table")).Not.ToContainTextAsync("web-pass");

        // Edit: renamed, the password left blank is kept (the authenticated test below needs it).
        await rows.GetByTestId("proxy-edit").ClickAsync();
        await Expect(dialog.GetByTestId("proxy-host")).ToHaveValueAsync("127.0.0.1");
        await Expect(dialog.GetByTestId("proxy-password")).ToHaveValueAsync("");
        await dialog.GetByTestId("proxy-name").FillAsync("Lab socks");
        await dialog.GetByTestId("proxy-country").FillAsync("de");
        await dialog.GetByTestId("proxy-save").ClickAsync();
        await Expect(rows).ToContainTextAsync("Lab socks");
        await Expect(rows).ToContainTextAsync("DE");
        var (_, stored) = await Server.SendAsync(HttpMethod.Get, "/api/v2/proxies");
        Assert.True(stored[0]!["hasPassword"]!.GetValue<bool>());

        // Selected: tested for real through microsocks with the kept password, then deleted after confirming.
        await rows.GetByTestId("proxy-select").CheckAsync();
        await Expect(Page.GetByTestId("proxy-selected-count")).ToHaveTextAsync("1 proxy selected");
        await Page.GetByTestId("proxy-bulk-test").ClickAsync();
        await Expect(rows).ToHaveAttributeAsync("data-status", "healthy");
        await Page.GetByTestId("proxy-bulk-delete").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Delete 1 proxy?");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("proxy-bulk-bar")).ToHaveCountAsync(0);
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, "/api/v2/proxies")).Body.AsArray());
    });
}

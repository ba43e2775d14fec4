using System.Net;
using System.Net.Sockets;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing.Proxies;

namespace DomainFlow.Browser.Tests;

/// <summary>The proxies page against Debian's microsocks on loopback: add a list, test, disable and delete.</summary>
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
        await dead.GetByTestId("proxy-delete").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        Assert.Single((await Server.SendAsync(HttpMethod.Get, "/api/v2/proxies")).Body.AsArray());
    });
}

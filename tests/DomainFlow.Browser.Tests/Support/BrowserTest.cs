using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests.Support;

/// <summary>
/// One test: the real server (in-process, SQLite, random loopback port) and a fresh browser
/// context on it, signed in as the server's seeded admin through the real sign-in page (unless
/// <see cref="SignInAtStart"/> is false). Records console errors, page errors and failed requests
/// so tests can assert a clean page, and saves a screenshot into .artifacts/browser/ when a test body fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failedRequests = [];
    private IBrowserContext? _context;

    protected TestServer Server { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Console messages of type error and uncaught page exceptions, in order.</summary>
    protected IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Requests that failed at the network level or answered 4xx/5xx.</summary>
    protected IReadOnlyList<string> FailedRequests => _failedRequests;

    /// <summary>Override to start the server with other options (workers, batch size).</summary>
    protected virtual Task<TestServer> StartServerAsync() => TestServer.StartAsync();

    /// <summary>
    /// Whether the setup signs the browser context in before the test body runs (the test's page then starts
    /// blank, with the session cookie set and clean diagnostics). Tests of the sign-in flow itself turn it off.
    /// </summary>
    protected virtual bool SignInAtStart => true;

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Url.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        _context.SetDefaultTimeout(10_000);
        Page = await _context.NewPageAsync();
        if (SignInAtStart)
        {
            // Sign in on a page of its own, then close it: the session cookie stays in the context, while the
            // sign-in page's expected anonymous 401 (GET /auth/me) and the live stream it leaves open never
            // reach the diagnostics of the page the test gets.
            try
            {
                await SignInAsync();
            }
            catch
            {
                await ScreenshotAsync("SignInAtStart");
                throw;
            }
            await Page.CloseAsync();
            Page = await _context.NewPageAsync();
        }
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        Page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add($"page error: {error}");
            }
        };
        Page.RequestFailed += (_, request) =>
        {
            lock (_failedRequests)
            {
                _failedRequests.Add($"{request.Method} {request.Url}: {request.Failure}");
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (_failedRequests)
                {
                    _failedRequests.Add($"{response.Request.Method} {response.Url}: HTTP {response.Status}");
                }
            }
        };
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Runs a test body; on failure saves a full-page screenshot named after the test, then rethrows.</summary>
    protected async Task UiAsync(Func<Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch
        {
            await ScreenshotAsync(test);
            throw;
        }
    }

    /// <summary>
    /// Signs in as the server's seeded admin through the real sign-in page and waits for the home page (the dashboard).
    /// The browser context keeps the session cookie, so later navigations are signed in.
    /// </summary>
    protected async Task SignInAsync()
    {
        await Page.GotoAsync("/login");
        await SubmitSignInAsync(Server.AdminEmail, Server.AdminPassword);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }

    /// <summary>Fills the open sign-in page and submits it (it does not wait for the outcome).</summary>
    protected async Task SubmitSignInAsync(string email, string password)
    {
        await Page.GetByTestId("login-email").FillAsync(email);
        await Page.GetByTestId("login-password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>The HTTP status the page's own fetch gets for a GET of <paramref name="path"/>: same cookies, same browser.</summary>
    protected Task<int> BrowserFetchStatusAsync(string path) =>
        Page.EvaluateAsync<int>("async (path) => (await fetch(path, { credentials: 'same-origin' })).status", path);

    /// <summary>Creates a campaign through the API (not the UI) and returns its id.</summary>
    protected Task<string> CreateCampaignAsync(string name, long maxDomains, string charset = "abc", int length = 2) =>
        Server.CreateCampaignAsync(TestServer.PatternSpec(name, maxDomains, charset, length));

    /// <summary>Replaces the wizard's TLD chips with <paramref name="tlds"/>, typed as a user would, in order.</summary>
    protected async Task ChooseTldsAsync(params string[] tlds)
    {
        var chips = Page.GetByTestId("tlds-input-chip");
        while (await chips.CountAsync() > 0)
        {
            await chips.First.GetByRole(AriaRole.Button).ClickAsync();
        }
        var input = Page.GetByTestId("tlds-input");
        await input.FillAsync(string.Join(", ", tlds));
        await input.PressAsync("Enter");
        await Expect(chips).ToHaveCountAsync(tlds.Length);
        for (var i = 0; i < tlds.Length; i++)
        {
            await Expect(chips.Nth(i)).ToHaveAttributeAsync("data-value", tlds[i]);
        }
    }

    /// <summary>The generation phase as the API reports it now.</summary>
    protected async Task<JsonNode> GenerationStateAsync(string campaignId)
    {
        var (_, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{campaignId}");
        return campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == "generation")!;
    }

    /// <summary>The processed count a phase card shows (its data-value).</summary>
    protected async Task<long> ProcessedShownAsync(string phase) =>
        long.Parse(await Page.GetByTestId($"phase-processed-{phase}").GetAttributeAsync("data-value") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the processed count a phase card shows satisfies <paramref name="until"/>, and returns it.</summary>
    protected async Task<long> WaitForProcessedShownAsync(string phase, Func<long, bool> until, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var shown = await ProcessedShownAsync(phase);
            if (until(shown))
            {
                return shown;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The {phase} card still shows {shown} processed; expected {what}.");
            }
            await Task.Delay(50);
        }
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>
    /// Makes every WebSocket of the page fail before it opens, as behind a proxy that does not pass upgrades (Playwright
    /// cannot refuse a WebSocket handshake by route: a routed socket counts as open). Applies to pages loaded after.
    /// </summary>
    protected Task BlockWebSocketsAsync() => Page.AddInitScriptAsync("""
        window.WebSocket = class {
          constructor() { setTimeout(() => this.onclose && this.onclose({ code: 1006 }), 0) }
          send() {}
          close() {}
        }
        """);

    /// <summary>Cuts the page off every live update: WebSockets and the Server-Sent Events fallback.</summary>
    protected async Task BlockLiveUpdatesAsync()
    {
        await BlockWebSocketsAsync();
        await Page.RouteAsync("**/events", route => route.AbortAsync());
    }

    /// <summary>Asserts the page as it is now does not scroll sideways; on failure names the widest elements that stick out.</summary>
    protected async Task AssertNoSidewaysScrollAsync(string what)
    {
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        // Elements inside a box that scrolls or clips on its own are fine: only those that widen the page are named.
        var culprits = overflow <= 0 ? "" : await Page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true })
              .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 4).join('.')}`).join(' | ')
            """);
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow} px: {culprits}");
    }

    /// <summary>Saves a full-page screenshot of a main page as a test artifact (.artifacts/browser/pages/{name}.png).</summary>
    protected async Task CapturePageAsync(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, ".artifacts", "browser", "pages");
        Directory.CreateDirectory(dir);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}.png"), FullPage = true, Timeout = 5_000 });
    }

    private async Task ScreenshotAsync(string test)
    {
        try
        {
            var dir = Path.Combine(RepoPaths.Root, ".artifacts", "browser");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{GetType().Name}.{test}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 5_000 });
            await File.WriteAllLinesAsync(Path.ChangeExtension(file, ".log"),
                [$"url: {Page.Url}", .. ConsoleErrors, .. FailedRequests]);
        }
        catch (PlaywrightException)
        {
            // A screenshot is a diagnostic; never hide the real failure behind it.
        }
    }
}

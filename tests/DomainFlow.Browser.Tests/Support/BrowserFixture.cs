using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests.Support;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright. Playwright downloads no
/// browser of its own; without /usr/bin/chromium every browser test fails (never skips).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Flags that keep Chromium on loopback: no update checks, no sync, no lookups of anything but 127.0.0.1/localhost.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ];

    private IPlaywright? _playwright;
    private string? _home;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing: {ChromiumPath} does not exist. The browser tests drive the Debian package; install it with " +
                "`apt-get install -y chromium` (scripts/test does this as root).");
        }
        // Chromium writes its config and caches under HOME/XDG dirs: keep them in a throwaway folder.
        _home = Directory.CreateTempSubdirectory("domainflow-chromium-").FullName;
        // Playwright's env replaces the browser's whole environment, so start from ours.
        var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        env["HOME"] = _home;
        env["XDG_CONFIG_HOME"] = Path.Combine(_home, ".config");
        env["XDG_CACHE_HOME"] = Path.Combine(_home, ".cache");
        env["XDG_DATA_HOME"] = Path.Combine(_home, ".local", "share");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Env = env,
            Timeout = 60_000,
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_home is not null)
        {
            try
            {
                Directory.Delete(_home, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's last child processes may still hold a file for a moment; the folder is in the temp dir anyway.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

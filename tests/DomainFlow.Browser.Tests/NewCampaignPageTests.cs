using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

public sealed partial class NewCampaignPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task Creating_a_campaign_through_the_form_previews_the_pattern_live_shows_field_errors_and_opens_the_campaign() => UiAsync(async () =>
    {
        await Page.GotoAsync("/campaigns/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New campaign" })).ToBeVisibleAsync();

        await Page.GetByTestId("campaign-name-input").FillAsync("Shops from the form");
        await Page.Locator("#gen-prefix").FillAsync("3");
        await Page.GetByTestId("charset-input").FillAsync("abc");
        await Page.GetByTestId("constant-input").FillAsync("shop");
        await ChooseTldsAsync("com", "net");
        await Page.GetByTestId("max-domains-input").FillAsync("20");

        // The live preview: 3 letters from "abc" × 2 TLDs = 54 names, counted and listed by the server.
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("54");
        var firstNames = Page.GetByTestId("preview-first-names").Locator("li");
        await Expect(firstNames.First).ToHaveTextAsync("aaashop.com");
        var expected = await PreviewAsync("abc");
        Assert.Equal(["aaashop.com", "aaashop.net", "aabshop.com"], expected.Take(3));
        await Expect(firstNames).ToHaveTextAsync([.. expected]);

        // An invalid character: the server's validation message appears under the field.
        await Page.GetByTestId("charset-input").FillAsync("ab$");
        var (status, problem) = await Server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", Config("ab$"));
        Assert.Equal(400, status);
        var message = problem["errors"]!["charset"]![0]!.GetValue<string>();
        Assert.Contains("'$'", message, StringComparison.Ordinal);
        await Expect(Page.GetByTestId("error-gen-charset")).ToHaveTextAsync(message);
        await Expect(Page.GetByTestId("charset-input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByTestId("preview-panel")).ToContainTextAsync("Configuration is not valid");

        // Fixing it clears the error and brings the preview back.
        await Page.GetByTestId("charset-input").FillAsync("abc");
        await Expect(Page.GetByTestId("error-gen-charset")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("54");

        await Page.GetByTestId("create-campaign").ClickAsync();

        await Expect(Page).ToHaveURLAsync(DetailUrl());
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("Shops from the form");
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "configured");
        await Expect(Page.GetByTestId("phase-start-generation")).ToBeEnabledAsync();

        // The campaign the form created is the one the server stored.
        var id = DetailUrl().Match(Page.Url).Groups["id"].Value;
        var (found, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        Assert.Equal(200, found);
        Assert.Equal("Shops from the form", campaign["name"]!.GetValue<string>());
        var config = campaign["phases"]![0]!["config"]!;
        Assert.Equal("abc", config["charset"]!.GetValue<string>());
        Assert.Equal("shop", config["constant"]!.GetValue<string>());
        Assert.Equal(["com", "net"], config["tlds"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(20, config["maxDomains"]!.GetValue<long>());
    });

    [Fact]
    public Task Tlds_are_chosen_as_chips_typed_suggested_and_removed_and_each_one_counts_in_the_preview() => UiAsync(async () =>
    {
        await Page.GotoAsync("/campaigns/new");
        await Page.Locator("#gen-prefix").FillAsync("1");
        await Page.GetByTestId("charset-input").FillAsync("ab");
        await Page.GetByTestId("constant-input").FillAsync("x");
        var chips = Page.GetByTestId("tlds-input-chip");
        var input = Page.GetByTestId("tlds-input");
        await Expect(chips).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("2");

        // Typed with a leading dot and in capitals, finished with Enter: one clean chip, and the form is not sent.
        await input.FillAsync(".ORG");
        await input.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("/campaigns/new$"));
        // A list typed with separators finishes every entry but the one still being typed, which counts already.
        await input.FillAsync("io de sh");
        await Expect(input).ToHaveValueAsync("sh");
        await Expect(Page.GetByText("5 TLDs ·")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("10");
        await input.PressAsync("Enter");
        // A suggestion adds itself and leaves the list; Backspace in the empty field removes the last chip.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add .net" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add .net" })).ToHaveCountAsync(0);
        await input.PressAsync("Backspace");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove .com" }).ClickAsync();

        string[] expected = ["org", "io", "de", "sh"];
        await Expect(chips).ToHaveCountAsync(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            await Expect(chips.Nth(i)).ToHaveAttributeAsync("data-value", expected[i]);
        }
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("8");
        await Expect(Page.GetByTestId("preview-first-names").Locator("li").First).ToHaveTextAsync("ax.org");
    });

    [Fact]
    public Task An_uploaded_list_shows_its_upload_progress_then_what_was_accepted_invalid_and_duplicate() => UiAsync(async () =>
    {
        const int valid = 30_000;
        var lines = Enumerable.Range(0, valid).Select(i => $"n{i:D6}.example.com")
            .Concat(["bad!name.com", "two..dots.com", "n000001.example.com", "N000002.EXAMPLE.COM", "n000003.example.com"]);
        var file = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        await Page.GotoAsync("/campaigns/new");
        await Page.GetByTestId("campaign-name-input").FillAsync("Uploaded names");
        await Page.Locator("#gen-source").SelectOptionAsync("list");
        await Page.GetByTestId("list-file").SetInputFilesAsync(new FilePayload { Name = "names.txt", MimeType = "text/plain", Buffer = file });
        await Expect(Page.GetByText("names.txt · ")).ToBeVisibleAsync();

        // Upload at about 300 KB/s (Chromium's own network throttling) so the progress can be watched on loopback.
        var devTools = await Page.Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("Network.enable");
        await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 300_000,
        });
        await Page.GetByTestId("create-campaign").ClickAsync();
        await Page.WaitForFunctionAsync("""
            () => {
                const bar = document.querySelector('[data-testid="upload-progress"]')
                return bar !== null && Number(bar.dataset.sent) > 0 && Number(bar.dataset.sent) < Number(bar.dataset.total)
            }
            """);
        await Expect(Page.GetByTestId("upload-progress")).ToHaveAttributeAsync("data-total", file.Length.ToString(CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("create-campaign")).ToHaveTextAsync("Uploading…");

        await Expect(Page.GetByTestId("list-upload-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Page.GetByTestId("upload-progress")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("list-accepted")).ToHaveTextAsync(valid.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("list-invalid")).ToHaveTextAsync("2");
        await Expect(Page.GetByTestId("list-duplicates")).ToHaveTextAsync("3");
        await Expect(Page.GetByTestId("list-upload-result")).ToContainTextAsync("bad!name.com, two..dots.com");

        await Page.GetByTestId("open-campaign").ClickAsync();
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("Uploaded names");
        var id = DetailUrl().Match(Page.Url).Groups["id"].Value;
        var generation = await GenerationStateAsync(id);
        Assert.Equal("list", generation["config"]!["source"]!.GetValue<string>());
    });

    private static JsonObject Config(string charset) => new()
    {
        ["source"] = "pattern",
        ["patternType"] = "prefix",
        ["prefixLength"] = 3,
        ["charset"] = charset,
        ["constant"] = "shop",
        ["tlds"] = new JsonArray("com", "net"),
        ["maxDomains"] = 20,
    };

    private async Task<string[]> PreviewAsync(string charset)
    {
        var (status, preview) = await Server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", Config(charset));
        Assert.Equal(200, status);
        return [.. preview["firstNames"]!.AsArray().Select(n => n!.GetValue<string>())];
    }

    [GeneratedRegex(@"/campaigns/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex DetailUrl();
}

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
        await Page.GetByTestId("tlds-input").FillAsync("com, net");
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

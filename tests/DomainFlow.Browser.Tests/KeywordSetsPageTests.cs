using DomainFlow.Browser.Tests.Support;

namespace DomainFlow.Browser.Tests;

/// <summary>The keyword sets pages: the rules editor, its live tester, validation on the rules, and the list.</summary>
public sealed class KeywordSetsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_set_is_written_tried_on_pasted_text_saved_and_listed() => UiAsync(async () =>
    {
        await Page.GotoAsync("/keyword-sets");
        await Expect(Page.GetByText("No keyword sets yet")).ToBeVisibleAsync();
        await Page.GetByTestId("new-keyword-set").ClickAsync();

        await Page.GetByTestId("ks-name").FillAsync("Brand watch");
        await Page.GetByTestId("ks-rule-pattern-0").FillAsync("acme");
        await Page.GetByTestId("ks-rule-category-0").FillAsync("brand");
        await Page.GetByTestId("ks-rule-weight-0").FillAsync("2");
        await Page.GetByTestId("ks-add-rule").ClickAsync();
        await Page.GetByTestId("ks-rule-pattern-1").FillAsync("(unclosed");
        await Page.GetByTestId("ks-rule-type-1").SelectOptionAsync("regex");

        // The tester runs the unsaved rules as they change: a bad regex is named by its row, then the fixed rules count every hit.
        await Page.GetByTestId("ks-test-text").FillAsync("ACME costs $5. Buy acme for $7 today.");
        await Expect(Page.GetByTestId("ks-tester")).ToContainTextAsync("Rule 2 pattern: is not a valid regular expression");
        await Page.GetByTestId("ks-rule-pattern-1").FillAsync(@"\$\d+");
        await Expect(Page.GetByTestId("ks-test-hit")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("ks-test-hit").First).ToHaveAttributeAsync("data-count", "2");
        await Expect(Page.GetByTestId("ks-test-score")).ToHaveTextAsync((2 * Math.Log2(3) + Math.Log2(3)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));

        // Created, the set opens on its own page; its back link leads to the list.
        await Page.GetByTestId("save-keyword-set").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/keyword-sets/[0-9a-f-]{36}$"));
        await Expect(Page.GetByTestId("keyword-set-title")).ToHaveTextAsync("Brand watch");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Back to keyword sets" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/keyword-sets$"));
        var row = Page.GetByTestId("keyword-set-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Brand watch");
        await Expect(row).ToContainTextAsync("2");
        var (_, sets) = await Server.SendAsync(HttpMethod.Get, "/api/v2/keyword-sets");
        Assert.Equal(["acme", @"\$\d+"], sets[0]!["rules"]!.AsArray().Select(r => r!["pattern"]!.GetValue<string>()));
        Assert.Equal(("brand", 2.0), (sets[0]!["rules"]![0]!["category"]!.GetValue<string>(), sets[0]!["rules"]![0]!["weight"]!.GetValue<double>()));

        // Opened again, an emptied pattern is refused with the rule's own message and nothing changes.
        await row.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Page.GetByTestId("ks-rule-pattern-0").FillAsync("");
        await Page.GetByTestId("save-keyword-set").ClickAsync();
        await Expect(Page.GetByTestId("ks-rule-error-0")).ToContainTextAsync("is required");
        await Expect(Page.GetByTestId("ks-rule-pattern-0")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("acme", (await Server.SendAsync(HttpMethod.Get, "/api/v2/keyword-sets")).Body[0]!["rules"]![0]!["pattern"]!.GetValue<string>());
    });
}

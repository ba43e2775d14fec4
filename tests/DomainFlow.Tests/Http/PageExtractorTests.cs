using System.Text;
using DomainFlow.Core.Http;

namespace DomainFlow.Tests.Http;

public sealed class PageExtractorTests
{
    [Fact]
    public void Visible_text_title_meta_language_links_and_scripts_come_out_of_awkward_html()
    {
        const string html = """
            <!DOCTYPE html><HTML LANG='de-DE'><head><TITLE>Caf&eacute; &amp; Bar</TITLE>
            <meta name="description" content="Beste  &quot;Bohnen&quot;"><meta property=og:site_name content=Cafe>
            <script src="/js/app.js?v=1"></script><SCRIPT>if (a < b && c > d) { document.write("<p>hidden</p>"); }</SCRIPT >
            <style>p > a { color: red }</style><!-- <p>commented out</p> -->
            </head><body data-x="a > b"><p>Price: 5 < 7 &euro;</p><a href="/menu">Menu</a> <a name=anchor>no href</a>
            <noscript>enable js</noscript><template><p>later</p></template><A HREF=/contact>Kontakt</A><p>unclosed
            """;

        var page = PageExtractor.Extract(Encoding.UTF8.GetBytes(html), null, "en");

        Assert.Equal("Café & Bar", page.Title);
        Assert.Equal("Beste \"Bohnen\"", page.Description);
        Assert.Equal("Cafe", page.Meta["og:site_name"]);
        Assert.Equal("de-DE", page.Language);
        Assert.Equal(2, page.Links);
        Assert.Equal(["/js/app.js?v=1"], page.ScriptSources);
        Assert.Equal("Café & Bar Price: 5 < 7 € Menu no href Kontakt unclosed", page.Text);
    }

    [Fact]
    public void A_hostile_page_of_unclosed_tags_is_read_in_linear_time()
    {
        var html = string.Concat(Enumerable.Repeat("<a href=\"x", 200_000)) + string.Concat(Enumerable.Repeat("<script>", 100_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        PageExtractor.Extract(Encoding.UTF8.GetBytes(html), "utf-8", null);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:F1} s");
    }
}

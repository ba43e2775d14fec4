using DomainFlow.Core.Domains;

namespace DomainFlow.Tests.Generation;

public sealed class DomainNameNormalizerTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("  shop.example.org.  ", "shop.example.org")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("\"quoted.net\",42,foo", "quoted.net")]
    public void Valid_lines_become_lower_case_ascii_names(string line, string expected)
    {
        Assert.Equal(DomainNameNormalizer.Outcome.Valid, DomainNameNormalizer.Normalize(line, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("-bad.com")]
    [InlineData("nodot")]
    [InlineData("spa ce.com")]
    [InlineData("under_score.com")]
    public void Invalid_lines_are_reported_as_invalid(string line) =>
        Assert.Equal(DomainNameNormalizer.Outcome.Invalid, DomainNameNormalizer.Normalize(line, out _));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    public void Blank_and_comment_lines_are_ignored(string line) =>
        Assert.Equal(DomainNameNormalizer.Outcome.Blank, DomainNameNormalizer.Normalize(line, out _));
}

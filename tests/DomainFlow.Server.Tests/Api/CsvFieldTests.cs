using DomainFlow.Server.Api;

namespace DomainFlow.Server.Tests.Api;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("Acme shop", "Acme shop")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 offer", "'+1 offer")]
    [InlineData("-5% today", "'-5% today")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("shop = fun", "shop = fun")]
    public void Fields_are_quoted_as_rfc_4180_says_and_formulas_are_neutralised(string? field, string? expected) =>
        Assert.Equal(expected, CsvField.Escape(field));
}

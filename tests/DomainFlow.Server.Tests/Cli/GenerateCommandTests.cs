using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Cli;

public sealed class GenerateCommandTests
{
    private static readonly string[] Example = ["generate", "--pattern", "prefix", "--charset", "abc", "--prefix-length", "2", "--constant", "shop", "--tld", "com", "--tld", "net"];

    [Fact]
    public async Task Generate_prints_every_name_of_the_pattern_in_ordinal_order()
    {
        var result = await CliProcess.RunAsync(Example);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(18, result.Lines.Length);
        Assert.Equal(["aashop.com", "aashop.net", "abshop.com"], result.Lines[..3]);
        Assert.Equal("ccshop.net", result.Lines[^1]);
        Assert.Contains("wrote 18 names", result.Stderr);
    }

    [Fact]
    public async Task Offset_and_limit_select_a_window_and_count_only_prints_its_exact_size()
    {
        var window = await CliProcess.RunAsync([.. Example, "--offset", "15", "--limit", "2"]);
        var count = await CliProcess.RunAsync([.. Example, "--offset", "15", "--count-only"]);

        Assert.Equal(["cbshop.net", "ccshop.com"], window.Lines);
        Assert.Equal(["3"], count.Lines);
    }

    [Theory]
    [InlineData("--charset", "a$")]
    [InlineData("--prefix-length", "0")]
    [InlineData("--pattern", "middle")]
    [InlineData("--prefix-length", "many")]
    public async Task Bad_arguments_print_one_line_on_stderr_nothing_on_stdout_and_exit_non_zero(string option, string value)
    {
        var args = Example.ToList();
        var index = args.IndexOf(option);
        args[index + 1] = value;

        var result = await CliProcess.RunAsync([.. args]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("domainflow", result.Stderr);
    }

    [Fact]
    public async Task Db_migrate_applies_the_schema_once()
    {
        var dir = Directory.CreateTempSubdirectory("domainflow-cli-").FullName;
        try
        {
            var first = await CliProcess.RunAsync("db", "migrate", "--data-dir", dir);
            var second = await CliProcess.RunAsync("db", "migrate", "--data-dir", dir);

            Assert.Equal(0, first.ExitCode);
            Assert.StartsWith("Applied", first.Stdout);
            Assert.Equal("Database is up to date.", second.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.CommandLine;

namespace DomainFlow.Server.Cli;

/// <summary>Builds the command tree and runs it; parse errors print one line on stderr and exit 2.</summary>
public static class CliApp
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = new RootCommand("DomainFlow: domain generation, DNS validation, HTTP keyword analysis and lead scoring.");
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        var demo = DemoCommand.Create();
        root.Subcommands.Add(demo);
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ResolveCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        root.Subcommands.Add(CampaignsCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        foreach (var command in LoginCommand.Create())
        {
            root.Subcommands.Add(command);
        }
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, ct) => ServeCommand.RunAsync(result.UnmatchedTokens.ToArray(), ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
            await stderr.WriteLineAsync($"domainflow: {message} (see domainflow {string.Join(' ', CommandPath(parsed))} --help)");
            return UsageError;
        }
        // The server verbs stop through the web host's own Ctrl+C handling, which lets running batches finish
        // (HostOptions:ShutdownTimeout); System.CommandLine's would end the process with 130 after 2 s, mid-shutdown.
        var hostsServer = parsed.CommandResult.Command is RootCommand || parsed.CommandResult.Command == serve || parsed.CommandResult.Command == demo;
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (hostsServer)
        {
            config.ProcessTerminationTimeout = null;
        }
        return await parsed.InvokeAsync(config);
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var symbol = parsed.CommandResult; symbol is not null; symbol = symbol.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (symbol.Command is not RootCommand)
            {
                names.Insert(0, symbol.Command.Name);
            }
        }
        return names;
    }
}

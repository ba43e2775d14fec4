using DomainFlow.Server.Cli;

namespace DomainFlow.Server;

/// <summary>The single `domainflow` executable: a CLI verb runs that command; no verb (or `serve`) runs the server.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}

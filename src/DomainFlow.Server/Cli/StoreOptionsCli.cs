using System.CommandLine;
using DomainFlow.Store;

namespace DomainFlow.Server.Cli;

/// <summary>The options local admin verbs use to open the same store the server uses.</summary>
public sealed class StoreOptionsCli
{
    public Option<string> Provider { get; } = new("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOMAINFLOW__Store__Provider") ?? "sqlite" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string (postgres), or a SQLite connection string" };

    public Option<string> DataDir { get; } = new("--data-dir") { Description = "Folder of the embedded database", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOMAINFLOW__Store__DataDirectory") ?? "data" };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        command.Options.Add(DataDir);
    }

    public StoreOptions Read(ParseResult result) => new()
    {
        Provider = result.GetValue(Provider)!,
        ConnectionString = result.GetValue(Connection) ?? Environment.GetEnvironmentVariable("DOMAINFLOW__Store__ConnectionString"),
        DataDirectory = result.GetValue(DataDir)!,
    };
}

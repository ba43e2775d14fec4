using System.CommandLine;

namespace DomainFlow.Server.Cli;

/// <summary>How remote verbs find the server and authenticate: --server, then --token, $DOMAINFLOW_TOKEN or the token saved by login.</summary>
public static class RemoteOptions
{
    public static Option<string> ServerOption(bool recursive = false) => new("--server")
    {
        Description = "Server URL (default $DOMAINFLOW_SERVER or http://127.0.0.1:5080)",
        Recursive = recursive,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOMAINFLOW_SERVER") ?? Hosting.ServerHost.DefaultUrl,
    };

    public static Option<string?> TokenOption(bool recursive = false) => new("--token")
    {
        Description = "API token (default $DOMAINFLOW_TOKEN, else the one saved by 'domainflow login')",
        Recursive = recursive,
    };

    public static bool TryServer(ParseResult result, Option<string> server, out Uri url) =>
        Uri.TryCreate(result.GetValue(server), UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    public static string? TokenFor(ParseResult result, Option<string?> token, Uri server) =>
        result.GetValue(token) is { Length: > 0 } explicitToken ? explicitToken
        : Environment.GetEnvironmentVariable("DOMAINFLOW_TOKEN") is { Length: > 0 } fromEnv ? fromEnv
        : CredentialStore.ForCurrentUser().Find(server)?.Token;
}

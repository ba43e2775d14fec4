using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Api;

/// <summary>
/// The checked-in openapi.json is the contract the web UI's types are generated from. A change to the API shows
/// up here; regenerate the file with DOMAINFLOW_UPDATE_OPENAPI=1 and review the diff.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    [Fact]
    public async Task The_served_openapi_document_matches_the_checked_in_contract()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var served = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(RepoPaths.Root, "src", "DomainFlow.Server", "openapi.json");
        var text = served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";

        if (Environment.GetEnvironmentVariable("DOMAINFLOW_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, text);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with DOMAINFLOW_UPDATE_OPENAPI=1");
        Assert.Equal(await File.ReadAllTextAsync(path), text);
        Assert.Contains("/api/v2/campaigns/{id}/phases/{phase}/start", served["paths"]!.AsObject().Select(p => p.Key));
    }
}

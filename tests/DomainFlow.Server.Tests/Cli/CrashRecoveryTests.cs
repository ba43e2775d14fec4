using System.Text.Json.Nodes;
using Dapper;
using DomainFlow.Core.Generation;
using DomainFlow.Testing;
using Microsoft.Data.Sqlite;

namespace DomainFlow.Server.Tests.Cli;

public sealed class CrashRecoveryTests
{
    private const long Names = 5_000_000;

    private static JsonObject Spec(string name, long names, string constant) => new()
    {
        ["name"] = name,
        ["generation"] = new JsonObject
        {
            ["source"] = "pattern", ["patternType"] = "prefix", ["prefixLength"] = 5, ["charset"] = "abcdefghijklmnopqrstuvwxyz",
            ["constant"] = constant, ["tlds"] = new JsonArray("com", "net"), ["maxDomains"] = names,
        },
    };

    [Fact]
    public async Task After_kill_9_mid_generation_the_restarted_server_resumes_by_itself_and_stores_exactly_the_requested_names()
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-crash-").FullName;
        try
        {
            string running, paused;
            await ServerProcess.SeedAdminAsync(dataDir);
            await using (var first = await ServerProcess.StartAsync(dataDir))
            {
                using var http = await first.AdminClientAsync();
                running = await CreateAsync(http, Spec("crash", Names, "crash"));
                paused = await CreateAsync(http, Spec("paused", 100_000, "pause"));
                await PostAsync(http, $"/api/v2/campaigns/{paused}/phases/generation/start");
                await PostAsync(http, $"/api/v2/campaigns/{paused}/phases/generation/pause");
                await PostAsync(http, $"/api/v2/campaigns/{running}/phases/generation/start");
                var processed = await WaitAsync(http, running, p => p["processed"]!.GetValue<long>() >= Names / 5);
                Assert.True(processed["processed"]!.GetValue<long>() < Names, "the run finished before the crash; make it longer");

                await first.KillAsync();
            }

            await using (var second = await ServerProcess.StartAsync(dataDir))
            {
                using var http = await second.AdminClientAsync();
                var done = await WaitAsync(http, running, p => p["status"]!.GetValue<string>() != "running", TimeSpan.FromMinutes(3));
                var stillPaused = await WaitAsync(http, paused, _ => true);

                Assert.Equal("completed", done["status"]!.GetValue<string>());
                Assert.Equal(Names, done["processed"]!.GetValue<long>());
                Assert.Equal("paused", stillPaused["status"]!.GetValue<string>());
            }

            await AssertExactNamesAsync(dataDir);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Every ordinal 0..N-1 exactly once, each holding the name the bijection gives it.</summary>
    private static async Task AssertExactNamesAsync(string dataDir)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "domainflow.db")};Mode=ReadOnly");
        await db.OpenAsync();
        var seq = await db.ExecuteScalarAsync<long>("SELECT seq FROM campaigns WHERE name = 'crash'");
        var stats = await db.QuerySingleAsync<(long Count, long Min, long Max)>(
            "SELECT count(*), min(ordinal), max(ordinal) FROM domains WHERE campaign_seq = @seq", new { seq });
        Assert.Equal((Names, 0L, Names - 1), stats);

        var pattern = DomainPattern.Create(new GenerationConfig
        {
            PatternType = PatternType.Prefix, PrefixLength = 5, Charset = "abcdefghijklmnopqrstuvwxyz", Constant = "crash", Tlds = ["com", "net"],
        });
        var expected = new NameGenerator(pattern, 0, pattern.Total);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT ordinal, name FROM domains WHERE campaign_seq = $seq ORDER BY ordinal";
        command.Parameters.AddWithValue("$seq", seq);
        await using var reader = await command.ExecuteReaderAsync();
        long ordinal = 0;
        while (await reader.ReadAsync())
        {
            Assert.True(expected.MoveNext());
            Assert.Equal(ordinal, reader.GetInt64(0));
            if (expected.CurrentName != reader.GetString(1))
            {
                Assert.Fail($"ordinal {ordinal}: expected {expected.CurrentName}, stored {reader.GetString(1)}");
            }
            ordinal++;
        }
        Assert.Equal(Names, ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient http, JsonObject spec)
    {
        using var response = await http.PostAsync("/api/v2/campaigns", new StringContent(spec.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task PostAsync(HttpClient http, string path)
    {
        using var response = await http.PostAsync(path, null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> WaitAsync(HttpClient http, string id, Func<JsonNode, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var campaign = JsonNode.Parse(await http.GetStringAsync($"/api/v2/campaigns/{id}"))!;
            var phase = campaign["phases"]![0]!;
            if (until(phase) || DateTime.UtcNow > deadline)
            {
                return phase;
            }
            await Task.Delay(20);
        }
    }
}

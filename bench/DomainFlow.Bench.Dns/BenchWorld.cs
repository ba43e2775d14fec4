using System.Text.Json;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;

namespace DomainFlow.Bench.Dns;

/// <summary>
/// What `world` generated, saved as DIR/world.json so `verify` rebuilds exactly the same world and query types.
/// The zones and the shares of CNAME, wildcard, big-TXT and IPv6-only names are DnsWorldOptions' defaults.
/// </summary>
internal sealed record BenchWorld(long Names, double Existing, int Seed, IReadOnlyList<string> Types)
{
    private const string FileName = "world.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public DnsWorld Create() => new(new DnsWorldOptions { NameCount = Names, ExistingFraction = Existing, Seed = Seed });

    public IReadOnlyList<DnsRecordType> RecordTypes => DnsBenchArgs.ParseTypes(string.Join(',', Types));

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));

    public static BenchWorld Load(string directory) =>
        JsonSerializer.Deserialize<BenchWorld>(File.ReadAllText(Path.Combine(directory, FileName)), Json)
        ?? throw new ArgumentException($"{Path.Combine(directory, FileName)} is empty");
}

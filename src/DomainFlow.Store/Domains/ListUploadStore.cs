using Dapper;
using DomainFlow.Core.Domains;

namespace DomainFlow.Store.Domains;

/// <summary>
/// Streams an uploaded name list into list_items in batches: normalised (IDN → punycode), invalid lines counted,
/// duplicates dropped by the unique index. Memory is one batch, whatever the file size.
/// </summary>
public sealed class ListUploadStore(Database db)
{
    public const int MaxInvalidSamples = 20;
    private const int BatchSize = 5_000;

    public sealed record Result(long Accepted, long Invalid, long Duplicates, IReadOnlyList<string> InvalidSamples);

    public async Task<Result> AppendAsync(long campaignSeq, TextReader reader, CancellationToken ct = default)
    {
        long accepted = 0, invalid = 0, duplicates = 0;
        var samples = new List<string>();
        var line = await NextLineNumberAsync(campaignSeq, ct);
        var batch = new List<(long Line, string Name)>(BatchSize);
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            switch (DomainNameNormalizer.Normalize(raw, out var name))
            {
                case DomainNameNormalizer.Outcome.Valid:
                    batch.Add((line++, name));
                    break;
                case DomainNameNormalizer.Outcome.Invalid:
                    invalid++;
                    if (samples.Count < MaxInvalidSamples)
                    {
                        samples.Add(raw.Length > 200 ? raw[..200] : raw);
                    }
                    break;
            }
            if (batch.Count == BatchSize)
            {
                var inserted = await InsertAsync(campaignSeq, batch, ct);
                accepted += inserted;
                duplicates += batch.Count - inserted;
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            var inserted = await InsertAsync(campaignSeq, batch, ct);
            accepted += inserted;
            duplicates += batch.Count - inserted;
        }
        return new Result(accepted, invalid, duplicates, samples);
    }

    private async Task<long> NextLineNumberAsync(long campaignSeq, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(line) FROM list_items WHERE campaign_seq = @campaignSeq", new { campaignSeq }, cancellationToken: ct)) ?? -1) + 1;
    }

    private Task<int> InsertAsync(long campaignSeq, List<(long Line, string Name)> batch, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var inserted = 0;
            foreach (var (line, name) in batch)
            {
                inserted += await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO list_items (campaign_seq, line, name) VALUES (@campaignSeq, @line, @name) ON CONFLICT DO NOTHING",
                    new { campaignSeq, line, name }, t, cancellationToken: ct));
            }
            return inserted;
        }, ct);
}

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
        var batch = new List<ListItem>(BatchSize);
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            switch (DomainNameNormalizer.Normalize(raw, out var name))
            {
                case DomainNameNormalizer.Outcome.Valid:
                    batch.Add(new ListItem(line++, name));
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

    private Task<int> InsertAsync(long campaignSeq, List<ListItem> batch, CancellationToken ct) =>
        db.WriteAsync((c, t) => db.Dialect.InsertListItemsAsync(c, t, campaignSeq, batch, ct), ct);
}

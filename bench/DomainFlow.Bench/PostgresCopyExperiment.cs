using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using DomainFlow.Core.Generation;
using Npgsql;
using NpgsqlTypes;

namespace DomainFlow.Bench;

/// <summary>
/// Investigation aid, not a product path: generate and COPY the same rows into a fresh PostgreSQL database on one
/// thread, one transaction per batch, two ways — "importer" (what PostgresDialect does today: NpgsqlBinaryImporter,
/// three typed writes per row of a .NET string name) and "raw" (the binary COPY tuple format written by hand into
/// Npgsql's raw copy stream straight from the generator's UTF-8 bytes: no strings, no per-value dispatch).
/// </summary>
internal static class PostgresCopyExperiment
{
    private const string Copy = "COPY domains (campaign_seq, ordinal, name) FROM STDIN (FORMAT BINARY)";

    // PGCOPY\n\377\r\n\0, flags, header extension length.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static async Task<int> RunAsync(BenchArgs args, string mode)
    {
        await using var bench = await BenchDatabase.CreateAsync(args with { Provider = "postgres" });
        await using var connection = (NpgsqlConnection)await bench.Database.OpenAsync();
        var pattern = BenchPattern.Create(args.Names);
        var watch = Stopwatch.StartNew();
        var generator = new NameGenerator(pattern, 0, (ulong)args.Names);
        long ordinal = 0;
        var buffer = new byte[1 << 16];
        while (ordinal < args.Names)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            switch (mode)
            {
                case "importer":
                    ordinal = await ImporterBatchAsync(connection, generator, ordinal, args.BatchSize);
                    break;
                case "raw":
                    ordinal = await RawBatchAsync(connection, generator, ordinal, args.BatchSize, buffer);
                    break;
                default:
                    throw new ArgumentException($"unknown postgres copy mode '{mode}' (importer, raw)");
            }
            await transaction.CommitAsync();
        }
        watch.Stop();
        Measurement.Report($"postgres_copy_{mode}", args.Names, watch.Elapsed, ("batch", args.BatchSize.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<long> ImporterBatchAsync(NpgsqlConnection connection, NameGenerator generator, long ordinal, int batch)
    {
        await using var writer = await connection.BeginBinaryImportAsync(Copy);
        for (var i = 0; i < batch && generator.MoveNext(); i++)
        {
            writer.StartRow();
            writer.Write(BenchPattern.CampaignSeq, NpgsqlDbType.Bigint);
            writer.Write(ordinal++, NpgsqlDbType.Bigint);
            writer.Write(generator.CurrentName, NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
        return ordinal;
    }

    private static async Task<long> RawBatchAsync(NpgsqlConnection connection, NameGenerator generator, long ordinal, int batch, byte[] buffer)
    {
        await using (var stream = await connection.BeginRawBinaryCopyAsync(Copy))
        {
            Header.CopyTo(buffer, 0);
            var at = Header.Length;
            for (var i = 0; i < batch && generator.MoveNext(); i++)
            {
                if (at + 30 + generator.Current.Length + 2 > buffer.Length)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, at));
                    at = 0;
                }
                at = WriteTuple(buffer, at, ordinal++, generator.Current);
            }
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(at), -1); // trailer
            await stream.WriteAsync(buffer.AsMemory(0, at + 2));
        }
        return ordinal;
    }

    private static int WriteTuple(byte[] buffer, int at, long ordinal, ReadOnlySpan<byte> name)
    {
        var span = buffer.AsSpan(at);
        BinaryPrimitives.WriteInt16BigEndian(span, 3);
        BinaryPrimitives.WriteInt32BigEndian(span[2..], 8);
        BinaryPrimitives.WriteInt64BigEndian(span[6..], BenchPattern.CampaignSeq);
        BinaryPrimitives.WriteInt32BigEndian(span[14..], 8);
        BinaryPrimitives.WriteInt64BigEndian(span[18..], ordinal);
        BinaryPrimitives.WriteInt32BigEndian(span[26..], name.Length);
        name.CopyTo(span[30..]);
        return at + 30 + name.Length;
    }
}

using System.Buffers.Binary;

namespace DomainFlow.Store.Postgres;

/// <summary>
/// PostgreSQL's COPY BINARY encoding (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format")
/// for (bigint, bigint, text) rows. Names are at most 253 ASCII bytes, so a row always fits the 64 KiB buffer.
/// </summary>
internal static class CopyBinaryFormat
{
    private static ReadOnlySpan<byte> Header11 => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    public static int RowSize(int nameLength) => 2 + (4 + 8) + (4 + 8) + (4 + nameLength);

    /// <summary>Signature, flags (no OIDs) and an empty header extension.</summary>
    public static int WriteHeader(Span<byte> target)
    {
        Header11.CopyTo(target);
        BinaryPrimitives.WriteInt32BigEndian(target[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(target[15..], 0);
        return 19;
    }

    public static int WriteRow(Span<byte> target, long campaignSeq, long ordinal, ReadOnlySpan<byte> name)
    {
        BinaryPrimitives.WriteInt16BigEndian(target, 3);
        BinaryPrimitives.WriteInt32BigEndian(target[2..], 8);
        BinaryPrimitives.WriteInt64BigEndian(target[6..], campaignSeq);
        BinaryPrimitives.WriteInt32BigEndian(target[14..], 8);
        BinaryPrimitives.WriteInt64BigEndian(target[18..], ordinal);
        BinaryPrimitives.WriteInt32BigEndian(target[26..], name.Length);
        name.CopyTo(target[30..]);
        return RowSize(name.Length);
    }

    /// <summary>Encodes rows from <paramref name="from"/> on while they fit; returns the bytes used and the next row.</summary>
    public static (int Used, int Next) WriteRows(byte[] buffer, int used, long campaignSeq, Domains.NameBatch rows, int from)
    {
        var next = from;
        while (next < rows.Count)
        {
            var name = rows.NameAt(next);
            if (used + RowSize(name.Length) > buffer.Length)
            {
                break;
            }
            used += WriteRow(buffer.AsSpan(used), campaignSeq, rows.OrdinalAt(next), name);
            next++;
        }
        return (used, next);
    }

    /// <summary>A field count of -1 ends the data.</summary>
    public static int WriteTrailer(Span<byte> target)
    {
        BinaryPrimitives.WriteInt16BigEndian(target, -1);
        return 2;
    }
}

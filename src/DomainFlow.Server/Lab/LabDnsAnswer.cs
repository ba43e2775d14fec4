using System.Buffers.Binary;
using System.Net;
using DomainFlow.Core.Dns;

namespace DomainFlow.Server.Lab;

/// <summary>
/// Builds the lab server's response to one query from a <see cref="DnsWorld"/>'s truth. It answers like the
/// recursive resolver a bulk resolver talks to: the whole CNAME chain, across zones, then the final records.
/// </summary>
internal static class LabDnsAnswer
{
    /// <summary>What a client without EDNS0 may receive over UDP (RFC 1035 §4.2.1).</summary>
    private const int ClassicUdpLimit = 512;

    /// <summary>
    /// Writes the response into <paramref name="response"/>; returns its length, 0 for a malformed query (ignored).
    /// <paramref name="serverUdpLimit"/> &gt; 0 means UDP: an answer larger than it or than the client's EDNS size is
    /// replaced by an empty one with TC set, so the client retries over TCP.
    /// </summary>
    public static int Write(DnsWorld world, ReadOnlySpan<byte> query, Span<byte> response, int serverUdpLimit, DnsRcode? forcedRcode, IPAddress? lieAddress, out bool truncated)
    {
        truncated = false;
        if (!DnsResponseWriter.TryStart(query, response, forcedRcode ?? DnsRcode.NoError, authoritative: true, out var writer, out var name, out var type))
        {
            return 0;
        }
        if (forcedRcode is not null)
        {
            return writer.Length;
        }
        var truth = world.Lookup(name);
        if (truth.Rcode != DnsRcode.NoError && lieAddress is null)
        {
            return Empty(query, response, truth.Rcode);
        }
        if (truth.Rcode != DnsRcode.NoError)
        {
            // NXDOMAIN hijacking, as some ISP resolvers do: any name that does not exist "resolves" to one address.
            if (type == DnsRecordType.A)
            {
                writer.AddAddress(name, lieAddress!);
            }
        }
        else
        {
            AddRecords(ref writer, truth, name, type);
        }
        if (serverUdpLimit > 0 && writer.Length > Math.Min(serverUdpLimit, ClientUdpLimit(query, name)))
        {
            truncated = true;
            return Empty(query, response, DnsRcode.NoError, truncated: true);
        }
        return writer.Length;
    }

    private static void AddRecords(ref DnsResponseWriter writer, DnsTruth truth, string name, DnsRecordType type)
    {
        var owner = name;
        for (var i = 0; i < truth.Chain.Count; i++)
        {
            writer.AddName(owner, DnsRecordType.CNAME, truth.Chain[i]);
            owner = truth.Chain[i];
            if (type == DnsRecordType.CNAME)
            {
                return; // a CNAME question is answered by the name's own CNAME record alone
            }
        }
        var addresses = truth.Addresses(type);
        for (var i = 0; i < addresses.Count; i++)
        {
            writer.AddAddress(owner, addresses[i]);
        }
        if (type == DnsRecordType.TXT && truth.Text is { } text)
        {
            writer.AddText(owner, text);
        }
    }

    /// <summary>A response with the question and no records (an error, no data, or a truncated answer).</summary>
    private static int Empty(ReadOnlySpan<byte> query, Span<byte> response, DnsRcode rcode, bool truncated = false)
    {
        // An authoritative server refuses names outside its zones without claiming authority (as Knot does).
        DnsResponseWriter.TryStart(query, response, rcode, authoritative: rcode != DnsRcode.Refused, out var writer, out _, out _);
        if (truncated)
        {
            writer.SetTruncated();
        }
        return writer.Length;
    }

    /// <summary>
    /// The client's UDP size from its OPT record, else 512. The question of a query is never compressed, so it
    /// ends at a known offset: its wire form is two bytes longer than its dotted text.
    /// </summary>
    private static int ClientUdpLimit(ReadOnlySpan<byte> query, string questionName)
    {
        if (!DnsWire.TryReadHeader(query, out var header) || header.AdditionalCount == 0)
        {
            return ClassicUdpLimit;
        }
        var opt = DnsWire.HeaderLength + (questionName.Length == 0 ? 1 : questionName.Length + 2) + 4;
        if (opt + 11 > query.Length || query[opt] != 0 || BinaryPrimitives.ReadUInt16BigEndian(query[(opt + 1)..]) != (ushort)DnsRecordType.OPT)
        {
            return ClassicUdpLimit;
        }
        return Math.Max(ClassicUdpLimit, (int)BinaryPrimitives.ReadUInt16BigEndian(query[(opt + 3)..]));
    }
}

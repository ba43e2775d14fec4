using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace DomainFlow.Core.Dns;

/// <summary>
/// Builds responses to a received query, for the loopback lab and test servers: the question is echoed, answers
/// name it by a compression pointer when they are about the question's own name.
/// </summary>
public ref struct DnsResponseWriter
{
    private readonly Span<byte> _buffer;
    private readonly int _questionEnd;
    private int _at;
    private ushort _answers;

    /// <summary>Starts a response to <paramref name="query"/> in <paramref name="buffer"/>; false when the query is malformed.</summary>
    public static bool TryStart(ReadOnlySpan<byte> query, Span<byte> buffer, DnsRcode rcode, bool authoritative, out DnsResponseWriter writer, out string questionName, out DnsRecordType questionType)
    {
        writer = default;
        questionName = "";
        questionType = 0;
        if (!DnsWire.TryReadHeader(query, out var header) || header.IsResponse || header.QuestionCount != 1)
        {
            return false;
        }
        try
        {
            questionName = DnsWire.ReadName(query, DnsWire.HeaderLength, out var next);
            if (next + 4 > query.Length)
            {
                return false;
            }
            questionType = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(query[next..]);
            query[..(next + 4)].CopyTo(buffer);
            writer = new DnsResponseWriter(buffer, next + 4);
            var recursionDesired = BinaryPrimitives.ReadUInt16BigEndian(query[2..]) & 0x0100;
            BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)(0x8000 | (authoritative ? 0x0400 : 0) | recursionDesired | (byte)rcode));
            BinaryPrimitives.WriteUInt32BigEndian(buffer[6..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[10..], 0);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private DnsResponseWriter(Span<byte> buffer, int questionEnd)
    {
        _buffer = buffer;
        _questionEnd = questionEnd;
        _at = questionEnd;
    }

    public readonly int Length => _at;

    /// <summary>Whether another record of <paramref name="rdataLength"/> bytes fits into <paramref name="limit"/>.</summary>
    public readonly bool Fits(string owner, int rdataLength, int limit) => _at + owner.Length + 2 + 10 + rdataLength <= limit;

    public void SetTruncated() => _buffer[2] |= 0x02;

    public void AddAddress(string owner, IPAddress address, uint ttl = 300)
    {
        var type = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A;
        var rdata = StartRecord(owner, type, ttl);
        address.TryWriteBytes(_buffer[rdata..], out var written);
        EndRecord(rdata, written);
    }

    public void AddMx(string owner, ushort preference, string exchange, uint ttl = 300)
    {
        var rdata = StartRecord(owner, DnsRecordType.MX, ttl);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[rdata..], preference);
        EndRecord(rdata, 2 + DnsWire.WriteName(_buffer[(rdata + 2)..], exchange));
    }

    /// <summary>A CNAME or NS record.</summary>
    public void AddName(string owner, DnsRecordType type, string target, uint ttl = 300)
    {
        var rdata = StartRecord(owner, type, ttl);
        EndRecord(rdata, DnsWire.WriteName(_buffer[rdata..], target));
    }

    public void AddText(string owner, string text, uint ttl = 300)
    {
        var rdata = StartRecord(owner, DnsRecordType.TXT, ttl);
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = rdata;
        var i = 0;
        do
        {
            // Character strings hold at most 255 bytes each (RFC 1035 §3.3).
            var chunk = bytes.AsSpan(i, Math.Min(255, bytes.Length - i));
            _buffer[at++] = (byte)chunk.Length;
            chunk.CopyTo(_buffer[at..]);
            at += chunk.Length;
            i += chunk.Length;
        }
        while (i < bytes.Length);
        EndRecord(rdata, at - rdata);
    }

    private int StartRecord(string owner, DnsRecordType type, uint ttl)
    {
        var question = DnsWire.ReadName(_buffer[.._questionEnd], DnsWire.HeaderLength, out _);
        if (string.Equals(question, owner.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[_at..], 0xC000 | DnsWire.HeaderLength);
            _at += 2;
        }
        else
        {
            _at += DnsWire.WriteName(_buffer[_at..], owner);
        }
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_at..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_at + 2)..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[(_at + 4)..], ttl);
        return _at + 10;
    }

    private void EndRecord(int rdata, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(rdata - 2)..], (ushort)length);
        _at = rdata + length;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[6..], ++_answers);
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace DomainFlow.Core.Dns;

/// <summary>
/// The DNS wire format (RFC 1035, EDNS0 from RFC 6891): queries written into a caller's buffer without allocating,
/// responses read in place. Hand-written rather than taken from a DNS library because the bulk engine needs to
/// build and match raw datagrams on its own sockets, which client libraries (one task per lookup) do not expose.
/// </summary>
public static class DnsWire
{
    public const int HeaderLength = 12;
    public const int MaxUdpPayload = 65_535;
    public const int MaxNameLength = 255;

    private const ushort ClassIn = 1;

    /// <summary>Writes a query for <paramref name="name"/> (ASCII, dots between labels, trailing dot optional); returns its length.</summary>
    public static int WriteQuery(Span<byte> destination, ushort id, string name, DnsRecordType type, bool recursionDesired = true, int ednsPayload = 0)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], recursionDesired ? (ushort)0x0100 : (ushort)0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], 1); // QDCOUNT
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], 0); // ANCOUNT, NSCOUNT
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], ednsPayload > 0 ? (ushort)1 : (ushort)0); // ARCOUNT
        var at = HeaderLength + WriteName(destination[HeaderLength..], name);
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 2)..], ClassIn);
        at += 4;
        if (ednsPayload > 0)
        {
            destination[at] = 0; // root name
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 1)..], (ushort)DnsRecordType.OPT);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 3)..], (ushort)Math.Min(ednsPayload, MaxUdpPayload));
            BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 5)..], 0); // extended rcode, version, flags
            BinaryPrimitives.WriteUInt16BigEndian(destination[(at + 9)..], 0); // no options
            at += 11;
        }
        return at;
    }

    /// <summary>Writes <paramref name="name"/> as length-prefixed labels; returns the bytes written.</summary>
    public static int WriteName(Span<byte> destination, string name)
    {
        var at = 0;
        var span = name.AsSpan().TrimEnd('.');
        while (span.Length > 0)
        {
            var dot = span.IndexOf('.');
            var label = dot < 0 ? span : span[..dot];
            if (label.Length is 0 or > 63)
            {
                throw new ArgumentException($"'{name}' has an empty or over-long label.", nameof(name));
            }
            destination[at++] = (byte)label.Length;
            at += Encoding.ASCII.GetBytes(label, destination[at..]);
            span = dot < 0 ? default : span[(dot + 1)..];
        }
        destination[at++] = 0;
        if (at > MaxNameLength)
        {
            throw new ArgumentException($"'{name}' is longer than {MaxNameLength} bytes on the wire.", nameof(name));
        }
        return at;
    }

    /// <summary>The fixed part of a message: enough to route a response to its query.</summary>
    public readonly record struct Header(ushort Id, bool IsResponse, bool Truncated, bool Authoritative, DnsRcode Rcode, int QuestionCount, int AnswerCount, int AuthorityCount, int AdditionalCount);

    public static bool TryReadHeader(ReadOnlySpan<byte> message, out Header header)
    {
        if (message.Length < HeaderLength)
        {
            header = default;
            return false;
        }
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        header = new Header(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            (flags & 0x8000) != 0,
            (flags & 0x0200) != 0,
            (flags & 0x0400) != 0,
            (DnsRcode)(flags & 0x000F),
            BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[10..]));
        return true;
    }

    /// <summary>
    /// Whether the message's first question is <paramref name="name"/>/<paramref name="type"/> (names compared
    /// case-insensitively): a response that does not echo the question is not an answer to it.
    /// </summary>
    public static bool EchoesQuestion(ReadOnlySpan<byte> message, string name, DnsRecordType type)
    {
        if (!TryReadHeader(message, out var header) || header.QuestionCount < 1)
        {
            return false;
        }
        var at = HeaderLength;
        var span = name.AsSpan().TrimEnd('.');
        while (true)
        {
            if (at >= message.Length)
            {
                return false;
            }
            int length = message[at++];
            if (length == 0)
            {
                break;
            }
            if (length > 63 || at + length > message.Length || span.Length < length)
            {
                return false;
            }
            if (!Ascii.EqualsIgnoreCase(message.Slice(at, length), span[..length]))
            {
                return false;
            }
            at += length;
            span = span[length..];
            if (span.Length > 0)
            {
                if (span[0] != '.')
                {
                    return false;
                }
                span = span[1..];
            }
        }
        return span.Length == 0 && at + 4 <= message.Length && BinaryPrimitives.ReadUInt16BigEndian(message[at..]) == (ushort)type;
    }

    /// <summary>Reads the answer section; records of other types than those listed are skipped.</summary>
    public static void ReadAnswers(ReadOnlySpan<byte> message, List<DnsRecord> into)
    {
        if (!TryReadHeader(message, out var header))
        {
            throw new FormatException("The message is shorter than a DNS header.");
        }
        var at = HeaderLength;
        for (var q = 0; q < header.QuestionCount; q++)
        {
            at = SkipName(message, at) + 4;
        }
        for (var i = 0; i < header.AnswerCount; i++)
        {
            var owner = ReadName(message, at, out at);
            if (at + 10 > message.Length)
            {
                throw new FormatException("A resource record is cut short.");
            }
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[at..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(at + 4)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 8)..]);
            var rdata = at + 10;
            if (rdata + length > message.Length)
            {
                throw new FormatException("A resource record's data is cut short.");
            }
            var data = type switch
            {
                DnsRecordType.A when length == 4 => new IPAddress(message.Slice(rdata, 4)).ToString(),
                DnsRecordType.AAAA when length == 16 => new IPAddress(message.Slice(rdata, 16)).ToString(),
                DnsRecordType.CNAME or DnsRecordType.NS => ReadName(message, rdata, out _),
                DnsRecordType.MX when length >= 3 => $"{BinaryPrimitives.ReadUInt16BigEndian(message[rdata..])} {ReadName(message, rdata + 2, out _)}",
                DnsRecordType.TXT => ReadCharacterStrings(message.Slice(rdata, length)),
                _ => null,
            };
            if (data is not null)
            {
                into.Add(new DnsRecord(owner, type, ttl, data));
            }
            at = rdata + length;
        }
    }

    /// <summary>Reads a possibly compressed name starting at <paramref name="offset"/>, lower-cased, without the trailing dot.</summary>
    public static string ReadName(ReadOnlySpan<byte> message, int offset, out int next)
    {
        Span<char> text = stackalloc char[MaxNameLength];
        var length = 0;
        next = -1;
        var at = offset;
        for (var jumps = 0; ; )
        {
            if (at >= message.Length)
            {
                throw new FormatException("A name runs past the end of the message.");
            }
            int label = message[at];
            if (label == 0)
            {
                if (next < 0)
                {
                    next = at + 1;
                }
                break;
            }
            if ((label & 0xC0) == 0xC0)
            {
                if (at + 1 >= message.Length || ++jumps > 64)
                {
                    throw new FormatException("A compressed name points outside the message or loops.");
                }
                if (next < 0)
                {
                    next = at + 2;
                }
                at = ((label & 0x3F) << 8) | message[at + 1];
                continue;
            }
            if (label > 63 || at + 1 + label > message.Length || length + label + 1 > MaxNameLength)
            {
                throw new FormatException("A label is malformed.");
            }
            if (length > 0)
            {
                text[length++] = '.';
            }
            foreach (var b in message.Slice(at + 1, label))
            {
                text[length++] = (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b);
            }
            at += 1 + label;
        }
        return new string(text[..length]);
    }

    private static int SkipName(ReadOnlySpan<byte> message, int at)
    {
        while (true)
        {
            if (at >= message.Length)
            {
                throw new FormatException("A name runs past the end of the message.");
            }
            int label = message[at];
            if (label == 0)
            {
                return at + 1;
            }
            if ((label & 0xC0) == 0xC0)
            {
                return at + 2;
            }
            at += 1 + label;
        }
    }

    private static string ReadCharacterStrings(ReadOnlySpan<byte> rdata)
    {
        var text = new StringBuilder();
        var at = 0;
        while (at < rdata.Length)
        {
            int length = rdata[at];
            var end = Math.Min(rdata.Length, at + 1 + length);
            text.Append(Encoding.UTF8.GetString(rdata[(at + 1)..end]));
            at = end;
        }
        return text.ToString();
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DomainFlow.Core.Dns;

namespace DomainFlow.Testing.Dns;

/// <summary>One answer as a test sees it: the header and the answer records.</summary>
public sealed record DnsReply(DnsWire.Header Header, IReadOnlyList<DnsRecord> Answers)
{
    public DnsRcode Rcode => Header.Rcode;

    /// <summary>The CNAME targets in answer order.</summary>
    public IEnumerable<string> CnameTargets => Answers.Where(r => r.Type == DnsRecordType.CNAME).Select(r => r.Data);

    /// <summary>The data of the records of <paramref name="type"/>, sorted (servers may rotate record order).</summary>
    public IReadOnlyList<string> Data(DnsRecordType type) => [.. Answers.Where(r => r.Type == type).Select(r => r.Data).Order(StringComparer.Ordinal)];
}

/// <summary>
/// A deliberately simple DNS client for tests and fixtures, built on <see cref="DnsWire"/>: one query at a time over
/// a connected UDP socket (or one TCP connection per query), or a burst of sends and receives. It talks to
/// 127.0.0.0/8 only, so no test can query a real resolver by mistake.
/// </summary>
public sealed class LoopbackDnsClient : IDisposable
{
    private readonly Socket _udp;
    private readonly byte[] _buffer = new byte[DnsWire.MaxUdpPayload];
    private ushort _nextId = (ushort)Random.Shared.Next(ushort.MaxValue);

    public LoopbackDnsClient(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(server.Address))
        {
            throw new ArgumentException($"Tests send DNS to 127.0.0.0/8 only, not to {server}.", nameof(server));
        }
        Server = server;
        // Room for the answers to a burst of sends (the kernel caps it at rmem_max).
        _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
        _udp.Connect(server);
    }

    public IPEndPoint Server { get; }

    /// <summary>One UDP query (with EDNS0 when <paramref name="ednsPayload"/> &gt; 0); null when no answer came in time.</summary>
    public DnsReply? Query(string name, DnsRecordType type, int ednsPayload = 1232, TimeSpan? timeout = null)
    {
        var id = Send(name, type, ednsPayload);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(2));
        // Skip late answers to earlier queries that timed out: only this id answers this query.
        while (TryReceive(deadline - DateTime.UtcNow) is { } reply)
        {
            if (reply.Header.Id == id)
            {
                return reply;
            }
        }
        return null;
    }

    /// <summary>Sends one UDP query without waiting; returns its id.</summary>
    public ushort Send(string name, DnsRecordType type, int ednsPayload = 1232)
    {
        var id = _nextId++;
        var length = DnsWire.WriteQuery(_buffer, id, name, type, ednsPayload: ednsPayload);
        try
        {
            _udp.Send(_buffer.AsSpan(0, length));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // The kernel reports an earlier query's ICMP "port unreachable" (nobody listened yet) on this call; that
            // consumed the error, so this query can go out now.
            _udp.Send(_buffer.AsSpan(0, length));
        }
        return id;
    }

    /// <summary>The next UDP answer to arrive, or null after <paramref name="timeout"/> or when nothing listens there.</summary>
    public DnsReply? TryReceive(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || !_udp.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }
        try
        {
            var length = _udp.Receive(_buffer);
            return Parse(_buffer.AsSpan(0, length));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return null; // the ICMP "port unreachable" of a server that is not listening (yet)
        }
    }

    /// <summary>One query over a new TCP connection (2-byte length prefix, RFC 7766).</summary>
    public async Task<DnsReply> QueryTcpAsync(string name, DnsRecordType type, CancellationToken ct = default)
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await tcp.ConnectAsync(Server, ct);
        await using var stream = new NetworkStream(tcp);
        var message = new byte[2 + ushort.MaxValue];
        var length = DnsWire.WriteQuery(message.AsSpan(2), _nextId++, name, type);
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)length);
        await stream.WriteAsync(message.AsMemory(0, 2 + length), ct);
        await stream.ReadExactlyAsync(message.AsMemory(0, 2), ct);
        length = BinaryPrimitives.ReadUInt16BigEndian(message);
        await stream.ReadExactlyAsync(message.AsMemory(0, length), ct);
        return Parse(message.AsSpan(0, length));
    }

    public void Dispose() => _udp.Dispose();

    private static DnsReply Parse(ReadOnlySpan<byte> message)
    {
        if (!DnsWire.TryReadHeader(message, out var header))
        {
            throw new FormatException("The reply is shorter than a DNS header.");
        }
        var answers = new List<DnsRecord>();
        DnsWire.ReadAnswers(message, answers);
        return new DnsReply(header, answers);
    }
}

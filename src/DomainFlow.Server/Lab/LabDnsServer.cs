using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DomainFlow.Core.Dns;

namespace DomainFlow.Server.Lab;

/// <summary>
/// An in-process DNS server for the loopback lab: answers a <see cref="DnsWorld"/> over UDP and TCP (the TCP
/// fallback after a truncated UDP answer, RFC 7766 framing) on one 127.0.0.0/8 address and port. The behaviour
/// switches below may be changed while it runs, so a test can make a healthy resolver start failing.
/// UDP is one receive loop on its own thread with preallocated buffers and a reused <see cref="SocketAddress"/>:
/// no task or endpoint object per packet.
/// </summary>
public sealed class LabDnsServer : IAsyncDisposable
{
    private static readonly TimeSpan TcpIdleTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _drops;
    private readonly Thread _udpLoop;
    private readonly Task _acceptLoop;
    private double _dropRate;
    private long _received, _answered, _dropped, _truncated, _tcpQueries;
    private int _disposed;

    private LabDnsServer(DnsWorld world, Socket udp, Socket tcp)
    {
        World = world;
        _udp = udp;
        _tcp = tcp;
        _drops = new Random(world.Options.Seed);
        Endpoint = (IPEndPoint)udp.LocalEndPoint!;
        _udpLoop = new Thread(ServeUdp) { IsBackground = true, Name = $"lab-dns-udp {Endpoint}" };
        _udpLoop.Start();
        _acceptLoop = Task.Run(() => AcceptTcpAsync(_stop.Token));
    }

    /// <summary>
    /// Starts serving <paramref name="world"/> on <paramref name="address"/> (127.0.0.1 by default; only 127.0.0.0/8 is
    /// accepted) and <paramref name="port"/> (0: a free port, the same for UDP and TCP).
    /// </summary>
    public static LabDnsServer Start(DnsWorld world, IPAddress? address = null, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(world);
        address ??= IPAddress.Loopback;
        if (address.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The lab serves DNS on 127.0.0.0/8 only, not on {address}.", nameof(address));
        }
        for (var attempt = 1; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // Room for bursts from a bulk resolver while the loop is busy (the kernel caps it at rmem_max).
                udp.ReceiveBufferSize = 4 << 20;
                udp.ReceiveTimeout = 1000;
                udp.Bind(new IPEndPoint(address, port));
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(new IPEndPoint(address, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(512);
                return new LabDnsServer(world, udp, tcp);
            }
            catch (SocketException) when (port == 0 && attempt < 20)
            {
                // The free UDP port was taken for TCP: try another one.
                udp.Dispose();
                tcp.Dispose();
            }
            catch
            {
                udp.Dispose();
                tcp.Dispose();
                throw;
            }
        }
    }

    public DnsWorld World { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>The share (0..1) of UDP queries silently ignored, drawn from a generator seeded by the world's seed.</summary>
    public double DropRate
    {
        get => Volatile.Read(ref _dropRate);
        set => Volatile.Write(ref _dropRate, value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "DropRate is a share in 0..1."));
    }

    /// <summary>When set, every query is answered with this rcode and no records (SERVFAIL, REFUSED...).</summary>
    public DnsRcode? ForcedRcode { get; set; }

    /// <summary>NXDOMAIN hijacking: an A query for any name that does not exist gets <see cref="LieAddress"/>.</summary>
    public bool LieAboutEverything { get; set; }

    public IPAddress LieAddress { get; set; } = IPAddress.Parse("127.66.66.66");

    /// <summary>The largest UDP answer sent (also capped by the client's EDNS size, or 512 without EDNS); larger ones are truncated.</summary>
    public int UdpPayloadLimit { get; set; } = 1232;

    /// <summary>Queries read, over UDP and TCP, including dropped and malformed ones.</summary>
    public long QueriesReceived => Interlocked.Read(ref _received);

    public long QueriesAnswered => Interlocked.Read(ref _answered);

    public long QueriesDropped => Interlocked.Read(ref _dropped);

    /// <summary>UDP answers sent empty with TC set because the full answer did not fit.</summary>
    public long AnswersTruncated => Interlocked.Read(ref _truncated);

    public long TcpQueries => Interlocked.Read(ref _tcpQueries);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync();
        using (var wake = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            wake.SendTo([0], Endpoint);
        }
        _tcp.Dispose();
        await _acceptLoop;
        await Task.Run(() => _udpLoop.Join());
        _udp.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// The UDP loop, on its own thread with blocking calls: one recvfrom and one sendto per query and nothing else,
    /// which serves about twice the rate of the async socket methods on a small machine. Disposal wakes it with a
    /// datagram to itself; the receive timeout is only a safety net.
    /// </summary>
    private void ServeUdp()
    {
        var query = new byte[DnsWire.MaxUdpPayload];
        var response = new byte[DnsWire.MaxUdpPayload];
        var client = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var length = _udp.ReceiveFrom(query, SocketFlags.None, client);
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
                Interlocked.Increment(ref _received);
                if (_dropRate > 0 && _drops.NextDouble() < _dropRate)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }
                var written = Answer(query.AsSpan(0, length), response, UdpPayloadLimit, out var truncated);
                if (written == 0)
                {
                    continue;
                }
                // Counted before sending, so a client that holds the answer never sees a lower count.
                Interlocked.Increment(ref _answered);
                if (truncated)
                {
                    Interlocked.Increment(ref _truncated);
                }
                _udp.SendTo(response.AsSpan(0, written), SocketFlags.None, client);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // The receive timeout, or a send to a client that went away: the next query is unaffected.
            }
        }
    }

    private async Task AcceptTcpAsync(CancellationToken stop)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _tcp.AcceptAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeTcpAsync(connection, stop);
        }
    }

    /// <summary>Serves length-prefixed queries on one connection until the client closes it or stays idle.</summary>
    private async Task ServeTcpAsync(Socket connection, CancellationToken stop)
    {
        await using var stream = new NetworkStream(connection, ownsSocket: true);
        var query = new byte[2 + ushort.MaxValue];
        var response = new byte[2 + ushort.MaxValue];
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
                idle.CancelAfter(TcpIdleTimeout);
                if (await stream.ReadAtLeastAsync(query.AsMemory(0, 2), 2, throwOnEndOfStream: false, idle.Token) < 2)
                {
                    return;
                }
                int length = BinaryPrimitives.ReadUInt16BigEndian(query);
                if (await stream.ReadAtLeastAsync(query.AsMemory(2, length), length, throwOnEndOfStream: false, idle.Token) < length)
                {
                    return;
                }
                Interlocked.Increment(ref _received);
                Interlocked.Increment(ref _tcpQueries);
                var written = Answer(query.AsSpan(2, length), response.AsSpan(2), serverUdpLimit: 0, out _);
                if (written == 0)
                {
                    return; // malformed: closing is what a TCP server may do
                }
                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)written);
                Interlocked.Increment(ref _answered);
                await stream.WriteAsync(response.AsMemory(0, 2 + written), stop);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, idled out or the server stopped: nothing to report.
        }
    }

    private int Answer(ReadOnlySpan<byte> query, Span<byte> response, int serverUdpLimit, out bool truncated) =>
        LabDnsAnswer.Write(World, query, response, serverUdpLimit, ForcedRcode, LieAboutEverything ? LieAddress : null, out truncated);
}

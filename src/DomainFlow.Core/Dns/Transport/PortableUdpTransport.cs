using System.Net;
using System.Net.Sockets;

namespace DomainFlow.Core.Dns.Transport;

/// <summary>One Socket call per datagram: the transport of platforms without recvmmsg/sendmmsg.</summary>
internal sealed class PortableUdpTransport : UdpTransport
{
    private readonly byte[][] _received = Enumerable.Range(0, BatchSize).Select(_ => new byte[DatagramSize + 1]).ToArray();
    private readonly int[] _receivedLength = new int[BatchSize];
    private readonly SocketAddress[] _sources;
    private readonly byte[][][] _queries;
    private readonly (int Length, int Destination)[][] _queued;
    private readonly int[] _queuedCount;
    private readonly List<Socket> _readable = [];

    public PortableUdpTransport(IReadOnlyList<Socket> sockets, IReadOnlyList<SocketAddress> destinations)
        : base(sockets, destinations)
    {
        var family = sockets.Count > 0 && sockets.Any(s => s.AddressFamily == AddressFamily.InterNetworkV6) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        // Sized for the larger family: a SocketAddress shrinks to what ReceiveFrom writes.
        _sources = Enumerable.Range(0, BatchSize).Select(_ => new SocketAddress(family)).ToArray();
        _queries = sockets.Select(_ => Enumerable.Range(0, BatchSize).Select(_ => new byte[QuerySize]).ToArray()).ToArray();
        _queued = sockets.Select(_ => new (int, int)[BatchSize]).ToArray();
        _queuedCount = new int[sockets.Count];
    }

    public override int Receive(int socket)
    {
        var s = Sockets[socket];
        var count = 0;
        while (count < BatchSize)
        {
            try
            {
                if (!s.Poll(0, SelectMode.SelectRead))
                {
                    break;
                }
                var source = _sources[count];
                source.Size = source.Buffer.Length;
                _receivedLength[count] = s.ReceiveFrom(_received[count], SocketFlags.None, source);
                count++;
            }
            catch (SocketException)
            {
                // An ICMP error reported on the socket (Windows) or a datagram too long for the buffer: skip it.
            }
            catch (ObjectDisposedException)
            {
                break;
            }
        }
        return count;
    }

    public override ReadOnlySpan<byte> Payload(int index) => _received[index].AsSpan(0, Math.Min(_receivedLength[index], DatagramSize));

    public override ReadOnlySpan<byte> Source(int index) => _sources[index].Buffer.Span[.._sources[index].Size];

    // The buffer is one byte longer than DatagramSize: filling that byte means the datagram did not fit.
    public override bool Cut(int index) => _receivedLength[index] > DatagramSize;

    public override Span<byte> NextQuery(int socket) => _queries[socket][_queuedCount[socket]];

    public override void Queue(int socket, int length, int destination)
    {
        _queued[socket][_queuedCount[socket]++] = (length, destination);
        if (_queuedCount[socket] == BatchSize)
        {
            Send(socket);
        }
    }

    public override void Flush()
    {
        for (var socket = 0; socket < Sockets.Count; socket++)
        {
            Send(socket);
        }
    }

    private void Send(int socket)
    {
        for (var i = 0; i < _queuedCount[socket]; i++)
        {
            var (length, destination) = _queued[socket][i];
            try
            {
                Sockets[socket].SendTo(_queries[socket][i].AsSpan(0, length), SocketFlags.None, Destinations[destination]);
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
                break;
            }
        }
        _queuedCount[socket] = 0;
    }

    public override void Wait(int timeoutMs)
    {
        _readable.Clear();
        _readable.AddRange(Sockets);
        try
        {
            Socket.Select(_readable, null, null, timeoutMs * 1000);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public override void Dispose()
    {
    }
}

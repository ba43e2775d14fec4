using System.Net;
using System.Net.Sockets;

namespace DomainFlow.Core.Dns.Transport;

/// <summary>
/// The bulk resolver's datagram I/O, driven from one event-loop thread: receive whatever is waiting on a socket
/// (without blocking), queue queries per socket and send them in one go, and sleep until a socket is readable.
/// Linux gets recvmmsg/sendmmsg/poll (one system call for a whole batch); other platforms the portable Socket calls.
/// Not thread-safe: one loop thread owns it.
/// </summary>
internal abstract class UdpTransport : IDisposable
{
    /// <summary>Datagrams taken per receive call, and queries queued per socket before a send is forced.</summary>
    public const int BatchSize = 64;

    /// <summary>The largest answer read whole (the largest EDNS0 payload a persona may advertise); longer ones are cut and flagged.</summary>
    public const int DatagramSize = 4096;

    /// <summary>Room for one query: a 255-octet name, header, question and OPT record.</summary>
    public const int QuerySize = 512;

    protected UdpTransport(IReadOnlyList<Socket> sockets, IReadOnlyList<SocketAddress> destinations)
    {
        Sockets = sockets;
        Destinations = destinations;
    }

    protected IReadOnlyList<Socket> Sockets { get; }

    protected IReadOnlyList<SocketAddress> Destinations { get; }

    /// <summary>The native transport where the platform has it, else the portable one.</summary>
    public static UdpTransport Create(IReadOnlyList<Socket> sockets, IReadOnlyList<SocketAddress> destinations, bool portable = false) =>
        LinuxUdpTransport.IsSupported && !portable ? new LinuxUdpTransport(sockets, destinations) : new PortableUdpTransport(sockets, destinations);

    /// <summary>Reads up to <see cref="BatchSize"/> waiting datagrams from a socket; 0 when none is waiting.</summary>
    public abstract int Receive(int socket);

    /// <summary>The payload of received datagram <paramref name="index"/> of the last <see cref="Receive"/>.</summary>
    public abstract ReadOnlySpan<byte> Payload(int index);

    /// <summary>Its source address, in the platform's sockaddr layout (as <see cref="SocketAddress.Buffer"/> holds it).</summary>
    public abstract ReadOnlySpan<byte> Source(int index);

    /// <summary>Whether it was longer than <see cref="DatagramSize"/> and cut.</summary>
    public abstract bool Cut(int index);

    /// <summary>A buffer for the next query on <paramref name="socket"/>; <see cref="Queue"/> then commits it.</summary>
    public abstract Span<byte> NextQuery(int socket);

    /// <summary>Queues the query written into <see cref="NextQuery"/> for <paramref name="destination"/>; sends the socket's queue once full.</summary>
    public abstract void Queue(int socket, int length, int destination);

    /// <summary>Sends every queued query. A query the kernel refuses is dropped: it times out and is retried like a lost packet.</summary>
    public abstract void Flush();

    /// <summary>Blocks until a socket has a datagram waiting or <paramref name="timeoutMs"/> passed.</summary>
    public abstract void Wait(int timeoutMs);

    public abstract void Dispose();
}

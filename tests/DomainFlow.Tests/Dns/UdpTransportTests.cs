using System.Net;
using System.Net.Sockets;
using DomainFlow.Core.Dns.Transport;

namespace DomainFlow.Tests.Dns;

/// <summary>Both datagram transports keep one contract, over real sockets on loopback.</summary>
public sealed class UdpTransportTests
{
    public static TheoryData<bool> Transports => new() { false, true };

    [Fact]
    public void The_native_transport_is_used_on_linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), LinuxUdpTransport.IsSupported);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Queued_queries_all_leave_in_order_and_every_echo_comes_back_with_its_source(bool portable)
    {
        using var ours = Bound();
        using var peer = Bound();
        var peerAddress = peer.LocalEndPoint!.Serialize();
        using var transport = UdpTransport.Create([ours], [peerAddress], portable);
        const int count = UdpTransport.BatchSize + 36; // one full batch sent by Queue, the rest by Flush

        for (var i = 0; i < count; i++)
        {
            var buffer = transport.NextQuery(0);
            BitConverter.TryWriteBytes(buffer, i);
            transport.Queue(0, sizeof(int), 0);
        }
        transport.Flush();

        var echo = new byte[8];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        peer.ReceiveTimeout = 5_000;
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(sizeof(int), peer.ReceiveFrom(echo, SocketFlags.None, from));
            Assert.Equal(i, BitConverter.ToInt32(echo));
            peer.SendTo(echo.AsSpan(0, sizeof(int)), SocketFlags.None, from);
        }

        var received = new List<int>();
        while (received.Count < count)
        {
            transport.Wait(5_000);
            var batch = transport.Receive(0);
            Assert.InRange(batch, 1, UdpTransport.BatchSize);
            for (var i = 0; i < batch; i++)
            {
                Assert.True(transport.Source(i).SequenceEqual(peerAddress.Buffer.Span[..peerAddress.Size]));
                Assert.False(transport.Cut(i));
                received.Add(BitConverter.ToInt32(transport.Payload(i)));
            }
        }
        Assert.Equal(Enumerable.Range(0, count), received);
        Assert.Equal(0, transport.Receive(0)); // nothing left: returns at once instead of blocking
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void A_datagram_longer_than_the_largest_answer_is_flagged_as_cut(bool portable)
    {
        using var ours = Bound();
        using var peer = Bound();
        using var transport = UdpTransport.Create([ours], [peer.LocalEndPoint!.Serialize()], portable);

        peer.SendTo(new byte[UdpTransport.DatagramSize + 100], ours.LocalEndPoint!);
        peer.SendTo(new byte[UdpTransport.DatagramSize], ours.LocalEndPoint!);
        var flags = new List<(bool Cut, int Length)>();
        while (flags.Count < 2)
        {
            transport.Wait(5_000);
            var batch = transport.Receive(0);
            Assert.NotEqual(0, batch);
            for (var i = 0; i < batch; i++)
            {
                flags.Add((transport.Cut(i), transport.Payload(i).Length));
            }
        }

        Assert.Equal([(true, UdpTransport.DatagramSize), (false, UdpTransport.DatagramSize)], flags);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Wait_returns_after_its_timeout_when_nothing_arrives(bool portable)
    {
        using var ours = Bound();
        using var transport = UdpTransport.Create([ours], [], portable);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        transport.Wait(50);

        Assert.InRange(clock.ElapsedMilliseconds, 40, 2_000);
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

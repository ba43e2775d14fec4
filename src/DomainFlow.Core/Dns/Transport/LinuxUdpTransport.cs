using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace DomainFlow.Core.Dns.Transport;

/// <summary>
/// recvmmsg, sendmmsg and poll through P/Invoke. The base library sends and receives one datagram per system call;
/// at a hundred thousand queries a second those calls were most of the resolver's CPU time (scripts/bench-dns), so
/// batches of <see cref="UdpTransport.BatchSize"/> datagrams go through one call here. Buffers are native memory,
/// allocated once.
/// </summary>
internal sealed unsafe partial class LinuxUdpTransport : UdpTransport
{
    private const int MsgDontWait = 0x40;
    private const int MsgTrunc = 0x20;
    private const short PollIn = 0x1;

    /// <summary>sizeof(struct sockaddr_storage): room for any source address.</summary>
    private const int SourceSize = 128;

    private readonly int[] _fds;
    private readonly bool[] _addedRef;
    private readonly MMsgHdr* _received;
    private readonly byte* _receivedData;
    private readonly byte* _receivedSources;
    private readonly MMsgHdr*[] _queued;
    private readonly byte*[] _queries;
    private readonly int[] _queuedCount;
    private readonly byte*[] _destinations;
    private readonly PollFd* _poll;
    private readonly List<nint> _allocations = [];

    public LinuxUdpTransport(IReadOnlyList<Socket> sockets, IReadOnlyList<SocketAddress> destinations)
        : base(sockets, destinations)
    {
        // The descriptors are used raw below: hold a reference so none is closed and reused while this transport lives.
        _addedRef = new bool[sockets.Count];
        _fds = new int[sockets.Count];
        for (var i = 0; i < sockets.Count; i++)
        {
            sockets[i].SafeHandle.DangerousAddRef(ref _addedRef[i]);
            _fds[i] = (int)sockets[i].SafeHandle.DangerousGetHandle();
        }

        _received = Allocate<MMsgHdr>(BatchSize);
        _receivedData = Allocate<byte>(BatchSize * DatagramSize);
        _receivedSources = Allocate<byte>(BatchSize * SourceSize);
        var receiveVectors = Allocate<IoVec>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            receiveVectors[i] = new IoVec { Base = _receivedData + (i * DatagramSize), Length = DatagramSize };
            _received[i].Header.Iov = receiveVectors + i;
            _received[i].Header.IovLength = 1;
            _received[i].Header.Name = _receivedSources + (i * SourceSize);
        }

        _destinations = new byte*[destinations.Count];
        for (var d = 0; d < destinations.Count; d++)
        {
            var address = destinations[d].Buffer.Span[..destinations[d].Size];
            _destinations[d] = Allocate<byte>(address.Length);
            address.CopyTo(new Span<byte>(_destinations[d], address.Length));
        }

        _queued = new MMsgHdr*[sockets.Count];
        _queries = new byte*[sockets.Count];
        _queuedCount = new int[sockets.Count];
        for (var s = 0; s < sockets.Count; s++)
        {
            _queued[s] = Allocate<MMsgHdr>(BatchSize);
            _queries[s] = Allocate<byte>(BatchSize * QuerySize);
            var vectors = Allocate<IoVec>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                vectors[i] = new IoVec { Base = _queries[s] + (i * QuerySize) };
                _queued[s][i].Header.Iov = vectors + i;
                _queued[s][i].Header.IovLength = 1;
            }
        }

        _poll = Allocate<PollFd>(sockets.Count);
        for (var s = 0; s < sockets.Count; s++)
        {
            _poll[s] = new PollFd { Fd = _fds[s], Events = PollIn };
        }
    }

    /// <summary>Linux with a libc that has the calls (checked once by a harmless poll with no descriptors).</summary>
    public static bool IsSupported { get; } = Probe();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return poll(null, 0, 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private T* Allocate<T>(int count)
        where T : unmanaged
    {
        var memory = (T*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(T));
        _allocations.Add((nint)memory);
        return memory;
    }

    public override int Receive(int socket)
    {
        for (var i = 0; i < BatchSize; i++)
        {
            _received[i].Header.NameLength = SourceSize;
            _received[i].Header.Flags = 0;
        }
        var count = recvmmsg(_fds[socket], _received, BatchSize, MsgDontWait, null);
        // -1: nothing waiting (EAGAIN), interrupted, or an error the socket reports; all mean no datagram this time.
        return Math.Max(count, 0);
    }

    public override ReadOnlySpan<byte> Payload(int index) => new(_receivedData + (index * DatagramSize), (int)Math.Min(_received[index].Length, DatagramSize));

    public override ReadOnlySpan<byte> Source(int index) => new(_receivedSources + (index * SourceSize), (int)_received[index].Header.NameLength);

    public override bool Cut(int index) => (_received[index].Header.Flags & MsgTrunc) != 0;

    public override Span<byte> NextQuery(int socket) => new(_queries[socket] + (_queuedCount[socket] * QuerySize), QuerySize);

    public override void Queue(int socket, int length, int destination)
    {
        ref var message = ref _queued[socket][_queuedCount[socket]++];
        message.Header.Iov->Length = (nuint)length;
        message.Header.Name = _destinations[destination];
        message.Header.NameLength = (uint)Destinations[destination].Size;
        if (_queuedCount[socket] == BatchSize)
        {
            Send(socket);
        }
    }

    public override void Flush()
    {
        for (var socket = 0; socket < _fds.Length; socket++)
        {
            Send(socket);
        }
    }

    private void Send(int socket)
    {
        var count = _queuedCount[socket];
        var done = 0;
        while (done < count)
        {
            var sent = sendmmsg(_fds[socket], _queued[socket] + done, (uint)(count - done), 0);
            // sendmmsg stops at the first message the kernel refuses: skip that one (it will time out) and go on.
            done += sent > 0 ? sent : 1;
        }
        _queuedCount[socket] = 0;
    }

    public override void Wait(int timeoutMs) => poll(_poll, (nuint)_fds.Length, timeoutMs);

    public override void Dispose()
    {
        foreach (var memory in _allocations)
        {
            NativeMemory.Free((void*)memory);
        }
        _allocations.Clear();
        for (var i = 0; i < _addedRef.Length; i++)
        {
            if (_addedRef[i])
            {
                Sockets[i].SafeHandle.DangerousRelease();
                _addedRef[i] = false;
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

#pragma warning disable SA1300, IDE1006 // the C names
    [LibraryImport("libc", SetLastError = true)]
    private static partial int recvmmsg(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sendmmsg(int fd, MMsgHdr* messages, uint count, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);
#pragma warning restore SA1300, IDE1006
}

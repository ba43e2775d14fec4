using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using DomainFlow.Core.RateLimits;
using DomainFlow.Core.Dns.Transport;

namespace DomainFlow.Core.Dns;

/// <summary>
/// A bulk stub resolver in the massdns family. A few unconnected UDP sockets send every query; a preallocated slot
/// table matches answers by (socket, 16-bit id) and then by source address and echoed question; a timing wheel
/// expires queries; a timed-out, SERVFAIL or REFUSED query is retried on another resolver; truncated answers are
/// retried over TCP; CNAME chains are followed. How many queries are in flight adapts to the answers (or is fixed),
/// within the rate caps. One run at a time per instance.
/// </summary>
/// <remarks>
/// One event-loop thread per run does all the UDP work, as massdns does: take the answers waiting on every socket,
/// expire what is due, fill the window again and send the batch, then sleep in poll until a socket is readable. No
/// hand-off between threads per query (a sender thread woken by receive threads cost more CPU than the queries did);
/// results reach the caller in batches. The gate is held by the loop for each step and shared with the rare TCP
/// fallback and with statistics readers.
/// </remarks>
public sealed class BulkResolver : IAsyncDisposable
{
    private const int TickMs = 5;
    private const int Capacity = 65_536;

    /// <summary>Finished names the caller has not taken yet, beyond which no new name is started.</summary>
    private const int MaxUnconsumed = 8_192;

    /// <summary>Finished names are handed to the caller once this many are ready, or at least every tick.</summary>
    private const int PublishBatch = 256;

    private readonly BulkResolverOptions _options;
    private readonly ResolverPool _pool;
    private readonly Shared<TokenBucketRateLimiter>? _globalLimiter;
    private readonly Socket[] _sockets;
    private readonly UdpTransport _transport;
    private readonly int[][] _familySockets;
    private readonly int[][] _idToSlot;
    private readonly ushort[][] _freeIds;
    private readonly int[] _freeIdCount;
    private readonly int[] _freeSlots;
    private int _freeSlotCount;
    private readonly TimingWheel _wheel;
    private readonly Slot[] _slots = new Slot[Capacity];
    private readonly Lock _gate = new();
    private readonly Queue<Work> _queue = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private Channel<List<DnsResult>> _output = Channel.CreateUnbounded<List<DnsResult>>();
    private List<DnsResult> _finished = [];
    private long _publishedAtMs;
    private int _unconsumed;
    private int _inFlight;
    private int _tcpInFlight;
    private int _run;
    private CancellationToken _runToken;
    private Task? _loop;

    private int _nextSocket;
    private long _sweptTick;
    private long _nextSendMs;
    private readonly AdaptiveWindow _window;
    private readonly Func<int, long, int> _pendingWindow;
    private readonly Action<int> _presumeLost;
    private int _presumedLost;
    private long _seq;
    private bool _running;

    private struct Slot
    {
        public Work Work;
        public int Resolver;
        public int Socket;
        public ushort Id;

        /// <summary>Which send this is (slots are reused), and the window it left under: for flow control.</summary>
        public long Seq;
        public int WindowAtSend;

        /// <summary>Taken as lost by flow control: still awaiting its answer or timeout, but no longer counted in flight.</summary>
        public bool PresumedLost;

        /// <summary>A Stopwatch timestamp: round trips on loopback are well under a millisecond.</summary>
        public long SentAt;
        public bool Busy;
    }

    private readonly record struct Work(NameJob Job, int TypeIndex, DnsRecordType Type, string QueryName, int Attempt, int Depth, int Avoid);

    public BulkResolver(BulkResolverOptions options)
    {
        options.Validate();
        _options = options;
        _pool = new ResolverPool(options);
        _globalLimiter = options.GlobalRate is { } rate
            ? SharedRateLimiters.Acquire(options.RateScope, $"dns-global:{rate.PerSecond}/{rate.EffectiveBurst}", () => ResolverPool.Limiter(rate))
            : null;
        _window = new AdaptiveWindow(options.MaxInFlight, options.AdaptiveCeiling, options.Timeout);
        _pendingWindow = (slot, seq) => _slots[slot].Busy && _slots[slot].Seq == seq ? _slots[slot].WindowAtSend : -1;
        _presumeLost = slot =>
        {
            _slots[slot].PresumedLost = true;
            _presumedLost++;
        };
        var families = options.Resolvers.Select(r => r.EndPoint.AddressFamily).Distinct().ToArray();
        var sockets = new List<Socket>();
        _familySockets = new int[(int)AddressFamily.InterNetworkV6 + 1][];
        foreach (var family in families)
        {
            var indexes = new int[options.SocketsPerFamily];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = sockets.Count;
                sockets.Add(OpenSocket(family));
            }
            _familySockets[(int)family] = indexes;
        }
        _sockets = [.. sockets];
        _transport = UdpTransport.Create(_sockets, _pool.Members.Select(m => m.Address).ToArray(), options.PortableTransport);
        _idToSlot = _sockets.Select(_ => Enumerable.Repeat(-1, 65_536).ToArray()).ToArray();
        _freeIds = _sockets.Select(_ => ShuffledIds()).ToArray();
        _freeIdCount = _sockets.Select(_ => 65_536).ToArray();
        _freeSlots = Enumerable.Range(0, Capacity).Reverse().ToArray();
        _freeSlotCount = Capacity;
        var timeoutTicks = (int)Math.Ceiling(options.Timeout.TotalMilliseconds / TickMs);
        _sweptTick = NowMs / TickMs;
        _wheel = new TimingWheel(Capacity, timeoutTicks + 64, _sweptTick);
    }

    /// <summary>Queries currently awaiting an answer.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The current in-flight limit (fixed, or where the adaptive window stands).</summary>
    public int Window => _window.Limit;

    public IReadOnlyList<ResolverStatistics> Statistics
    {
        get
        {
            lock (_gate)
            {
                return _pool.Snapshot(NowMs);
            }
        }
    }

    private long NowMs => _clock.ElapsedMilliseconds;

    private static Socket OpenSocket(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Bursts of answers arrive faster than one loop drains them; a large buffer keeps the kernel from dropping them.
            socket.ReceiveBufferSize = 8 << 20;
            socket.SendBufferSize = 4 << 20;
        }
        catch (SocketException)
        {
        }
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        return socket;
    }

    private static ushort[] ShuffledIds()
    {
        var ids = new ushort[65_536];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (ushort)i;
        }
        // Unpredictable ids make blind answer spoofing harder (the echoed question and source address are checked too).
        // One call for all the randomness: RandomNumberGenerator.Shuffle asks the OS once per element, ~0.2 s per socket.
        var random = RandomNumberGenerator.GetBytes(ids.Length * sizeof(uint));
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = (int)(BitConverter.ToUInt32(random, i * sizeof(uint)) % (uint)(i + 1));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return ids;
    }

    /// <summary>Resolves every name once; results come in completion order. Memory is bounded by the window, not the input.</summary>
    public async IAsyncEnumerable<DnsResult> ResolveAsync(IAsyncEnumerable<string> names, [EnumeratorCancellation] CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_running)
            {
                throw new InvalidOperationException("A BulkResolver runs one ResolveAsync at a time.");
            }
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            _running = true;
            _run++;
            _output = Channel.CreateUnbounded<List<DnsResult>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _unconsumed = 0;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        _runToken = linked.Token;
        // Names are read ahead into a small buffer so the loop never waits on the input one line at a time.
        var input = Channel.CreateBounded<string>(new BoundedChannelOptions(8_192) { SingleReader = true, SingleWriter = true });
        var pump = PumpAsync(names, input.Writer, linked.Token);
        var loop = Task.Factory.StartNew(() => RunLoop(input.Reader, linked.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _loop = loop;
        try
        {
            await foreach (var batch in _output.Reader.ReadAllAsync(ct))
            {
                foreach (var result in batch)
                {
                    yield return result;
                }
                Interlocked.Add(ref _unconsumed, -batch.Count);
            }
            await loop;
            await pump;
        }
        finally
        {
            await linked.CancelAsync();
            await Task.WhenAll(loop, pump).ContinueWith(_ => { }, TaskScheduler.Default);
            lock (_gate)
            {
                // A run left early (cancelled, or the caller stopped reading) leaves queries behind: forget them, so
                // their late answers and TCP completions find nothing and the next run starts from an empty table.
                ClearTable();
                _running = false;
            }
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<string> names, ChannelWriter<string> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var name in names.WithCancellation(ct))
            {
                await writer.WriteAsync(name, ct);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>The event loop: receive, expire, send, publish; sleep in poll while there is nothing to do.</summary>
    private void RunLoop(ChannelReader<string> input, CancellationToken ct)
    {
        var records = new List<DnsRecord>();
        var expired = new List<int>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var received = 0;
                for (var socket = 0; socket < _sockets.Length; socket++)
                {
                    received += ReceiveBatch(socket, records);
                }
                var now = NowMs;
                ExpireDue(now, expired);
                var (sent, wait) = FillWindow(input, now);
                _transport.Flush();
                var idle = IsIdle() && input.Completion.IsCompleted;
                Publish(now, force: idle || received + sent == 0);
                if (idle)
                {
                    return;
                }
                if (received + sent == 0)
                {
                    _transport.Wait(wait);
                }
            }
        }
        finally
        {
            _output.Writer.TryComplete();
        }
    }

    private int ReceiveBatch(int socket, List<DnsRecord> records)
    {
        var count = _transport.Receive(socket);
        if (count == 0)
        {
            return 0;
        }
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                OnDatagram(socket, _transport.Payload(i), _transport.Source(i), _transport.Cut(i), records);
            }
        }
        return count;
    }

    private bool IsIdle()
    {
        lock (_gate)
        {
            return _queue.Count == 0 && _inFlight == 0 && _tcpInFlight == 0;
        }
    }

    /// <summary>Hands the finished names to the caller: in batches (one wake-up per batch, not per name), at least once per tick.</summary>
    private void Publish(long now, bool force)
    {
        List<DnsResult> batch;
        lock (_gate)
        {
            if (_finished.Count == 0 || (!force && _finished.Count < PublishBatch && now - _publishedAtMs < TickMs))
            {
                return;
            }
            batch = _finished;
            _finished = new List<DnsResult>(PublishBatch);
        }
        _publishedAtMs = now;
        Interlocked.Add(ref _unconsumed, batch.Count);
        _output.Writer.TryWrite(batch);
    }

    private void ExpireDue(long now, List<int> expired)
    {
        var tick = now / TickMs;
        if (tick <= _sweptTick)
        {
            return;
        }
        _sweptTick = tick;
        lock (_gate)
        {
            _window.Sweep(now, _pendingWindow, _presumeLost);
            expired.Clear();
            _wheel.Expire(tick, expired);
            foreach (var index in expired)
            {
                var slot = _slots[index];
                Release(index);
                var member = _pool.Members[slot.Resolver];
                member.Timeouts++;
                _pool.Failed(slot.Resolver, now);
                _window.Lost(slot.Seq, slot.WindowAtSend);
                RetryOrFinish(slot.Work, slot.Resolver, DnsOutcome.Timeout, null);
            }
        }
    }

    /// <summary>
    /// Queues as many queries as the window, the rate caps, the jitter and the caller's pace allow. Returns how many,
    /// and how long the loop may sleep when nothing else happens (a short poll while input or a rate cap holds back).
    /// </summary>
    private (int Sent, int WaitMs) FillWindow(ChannelReader<string> input, long now)
    {
        var jitter = _options.JitterMax > TimeSpan.Zero;
        if (jitter && now < _nextSendMs)
        {
            return (0, (int)Math.Min(TickMs, _nextSendMs - now));
        }
        var max = jitter ? 1 : 4 * UdpTransport.BatchSize;
        lock (_gate)
        {
            var sent = 0;
            var wait = TickMs;
            while (sent < max && _inFlight - _presumedLost < _window.Limit && _freeSlotCount > 0)
            {
                if (_queue.Count == 0)
                {
                    // A lagging consumer holds back new names: results never pile up without bound.
                    if (Volatile.Read(ref _unconsumed) + _finished.Count >= MaxUnconsumed || !input.TryRead(out var name))
                    {
                        wait = 1;
                        break;
                    }
                    Enqueue(NewJob(name));
                }
                var outcome = TrySend(_queue.Peek(), now);
                if (outcome == SendOutcome.RateCapped)
                {
                    wait = 1;
                    break;
                }
                _queue.Dequeue();
                if (outcome == SendOutcome.Sent)
                {
                    sent++;
                }
            }
            if (jitter && sent > 0)
            {
                var ms = _options.JitterMin.TotalMilliseconds + (Random.Shared.NextDouble() * (_options.JitterMax - _options.JitterMin).TotalMilliseconds);
                _nextSendMs = now + (long)Math.Ceiling(ms);
            }
            return (sent, wait);
        }
    }

    private NameJob NewJob(string name) => new(name.Trim().TrimEnd('.').ToLowerInvariant(), _options.RecordTypes, Stopwatch.GetTimestamp());

    /// <summary>Queues one query per record type; call under the gate.</summary>
    private void Enqueue(NameJob job)
    {
        for (var t = 0; t < _options.RecordTypes.Count; t++)
        {
            _queue.Enqueue(new Work(job, t, _options.RecordTypes[t], job.Name, 0, 0, -1));
        }
    }

    private enum SendOutcome
    {
        Sent,
        RateCapped,
        Unsendable,
    }

    /// <summary>Writes one query into the transport's batch (sent when the loop flushes); call under the gate.</summary>
    private SendOutcome TrySend(Work work, long now)
    {
        // The global bucket is only looked at before picking (which takes a per-resolver token) and drawn from after:
        // drawing first would spend global tokens whenever every resolver sits at its own cap.
        if (_globalLimiter is { } global && global.Value.GetStatistics()?.CurrentAvailablePermits < 1)
        {
            return SendOutcome.RateCapped;
        }
        var resolver = _pool.Pick(work.Avoid, now);
        if (resolver < 0)
        {
            return SendOutcome.RateCapped;
        }
        if (_globalLimiter is not null)
        {
            // Another engine sharing the bucket may have taken the last token since: then this resolver's token is spent.
            using var lease = _globalLimiter.Value.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                return SendOutcome.RateCapped;
            }
        }
        var member = _pool.Members[resolver];
        var family = _familySockets[(int)member.Family];
        var socket = family[_nextSocket++ % family.Length];
        var buffer = _transport.NextQuery(socket);
        var id = _freeIds[socket][_freeIdCount[socket] - 1];
        int length;
        try
        {
            length = DnsWire.WriteQuery(buffer, id, work.QueryName, work.Type, recursionDesired: true, ednsPayload: _options.Edns ? _options.EdnsPayload : 0);
        }
        catch (ArgumentException e)
        {
            work.Job.Error = e.Message;
            Finish(work, DnsOutcome.Error, null);
            return SendOutcome.Unsendable;
        }
        _freeIdCount[socket]--;
        var slot = _freeSlots[--_freeSlotCount];
        _idToSlot[socket][id] = slot;
        var seq = _seq++;
        _slots[slot] = new Slot { Work = work, Resolver = resolver, Socket = socket, Id = id, Seq = seq, WindowAtSend = _window.Limit, SentAt = Stopwatch.GetTimestamp(), Busy = true };
        _window.Sent(slot, seq, now);
        _wheel.Add(slot, (now + (long)_options.Timeout.TotalMilliseconds + TickMs - 1) / TickMs);
        _inFlight++;
        member.Sent++;
        work.Job.Attempts++;
        _transport.Queue(socket, length, resolver);
        return SendOutcome.Sent;
    }

    private void OnDatagram(int socket, ReadOnlySpan<byte> message, ReadOnlySpan<byte> from, bool cut, List<DnsRecord> records)
    {
        if (!DnsWire.TryReadHeader(message, out var header) || !header.IsResponse)
        {
            return;
        }
        var index = _idToSlot[socket][header.Id];
        if (index < 0)
        {
            return; // late (already timed out) or unsolicited
        }
        var slot = _slots[index];
        var member = _pool.Members[slot.Resolver];
        if (!from.SequenceEqual(member.AddressBytes) || !DnsWire.EchoesQuestion(message, slot.Work.QueryName, slot.Work.Type))
        {
            return; // not from whom we asked, or not about what we asked: ignore, keep waiting for the real answer
        }
        // An answer longer than the largest payload we advertise was cut on receipt: treat it as truncated (TCP).
        header = cut ? header with { Truncated = true } : header;
        records.Clear();
        string? malformed = null;
        try
        {
            if (!header.Truncated)
            {
                DnsWire.ReadAnswers(message, records);
            }
        }
        catch (FormatException e)
        {
            malformed = e.Message;
        }
        Release(index);
        OnAnswer(slot.Work, slot.Resolver, Stopwatch.GetElapsedTime(slot.SentAt).TotalMilliseconds, header, records, malformed);
    }

    /// <summary>Frees the slot and its id; call under the gate.</summary>
    private void Release(int index)
    {
        ref var slot = ref _slots[index];
        _wheel.Remove(index);
        _idToSlot[slot.Socket][slot.Id] = -1;
        _freeIds[slot.Socket][_freeIdCount[slot.Socket]++] = slot.Id;
        _freeSlots[_freeSlotCount++] = index;
        if (slot.PresumedLost)
        {
            slot.PresumedLost = false;
            _presumedLost--;
        }
        slot.Busy = false;
        slot.Work = default;
        _inFlight--;
    }

    /// <summary>Forgets every query of a run that ended early; call under the gate.</summary>
    private void ClearTable()
    {
        for (var index = 0; index < Capacity; index++)
        {
            if (_slots[index].Busy)
            {
                Release(index);
            }
        }
        _queue.Clear();
        _window.Clear();
        _finished = [];
        _tcpInFlight = 0;
    }

    /// <summary>Acts on a matched answer; call under the gate.</summary>
    private void OnAnswer(Work work, int resolver, double rttMs, DnsWire.Header header, List<DnsRecord> records, string? malformed)
    {
        var member = _pool.Members[resolver];
        if (header.Truncated && _options.TcpFallback)
        {
            member.Truncated++;
            _pool.Answered(resolver, rttMs);
            _tcpInFlight++;
            var (run, ct) = (_run, _runToken);
            _ = Task.Run(() => ResolveOverTcpAsync(work, resolver, run, ct));
            return;
        }
        if (malformed is not null || header.Rcode is DnsRcode.ServFail or DnsRcode.Refused or DnsRcode.FormErr or DnsRcode.NotImp || header.Truncated)
        {
            if (header.Rcode == DnsRcode.ServFail)
            {
                member.ServFail++;
            }
            else if (header.Rcode == DnsRcode.Refused)
            {
                member.Refused++;
            }
            else
            {
                member.Answered++;
            }
            _pool.Failed(resolver, NowMs);
            var outcome = header.Rcode switch
            {
                DnsRcode.ServFail => DnsOutcome.Servfail,
                DnsRcode.Refused => DnsOutcome.Refused,
                _ => DnsOutcome.Error,
            };
            work.Job.Error = malformed ?? (header.Truncated ? "truncated answer and TCP fallback is off" : null);
            RetryOrFinish(work, resolver, outcome, header.Rcode);
            return;
        }
        _pool.Answered(resolver, rttMs);
        _window.Answered(rttMs);
        work.Job.Resolver = member.Endpoint.ToString();
        Interpret(work, header.Rcode, records);
    }

    /// <summary>Reads a NOERROR/NXDOMAIN answer for the work's type, following the CNAME chain; call under the gate.</summary>
    private void Interpret(Work work, DnsRcode rcode, List<DnsRecord> records)
    {
        var job = work.Job;
        var current = work.QueryName;
        var chainAdded = false;
        for (var hops = 0; hops < _options.MaxCnameDepth; hops++)
        {
            var next = records.FirstOrDefault(r => r.Type == DnsRecordType.CNAME && r.Name == current);
            if (next.Data is null)
            {
                break;
            }
            job.Chain ??= [];
            if (!job.Chain.Contains(next.Data))
            {
                job.Chain.Add(next.Data);
            }
            chainAdded = true;
            current = next.Data;
        }
        var found = false;
        foreach (var record in records)
        {
            if (record.Type != work.Type || (record.Name != current && record.Name != work.QueryName && job.Chain?.Contains(record.Name) != true))
            {
                continue;
            }
            found = true;
            switch (record.Type)
            {
                case DnsRecordType.A:
                    AddDistinct(ref job.Addresses4, record.Data);
                    break;
                case DnsRecordType.AAAA:
                    AddDistinct(ref job.Addresses6, record.Data);
                    break;
                default:
                    job.Records ??= [];
                    if (!job.Records.Contains(record))
                    {
                        job.Records.Add(record);
                    }
                    break;
            }
        }
        if (work.Type == DnsRecordType.CNAME && chainAdded)
        {
            found = true;
        }
        if (!found && chainAdded && rcode == DnsRcode.NoError && work.Depth < _options.MaxCnameDepth)
        {
            // The server gave the alias but not the target's records (another zone): ask for the target.
            _queue.Enqueue(work with { QueryName = current, Attempt = 0, Depth = work.Depth + 1, Avoid = -1 });
            return;
        }
        Finish(work, found ? DnsOutcome.Resolved : rcode == DnsRcode.NxDomain ? DnsOutcome.Nxdomain : DnsOutcome.Nodata, rcode);
    }

    private static void AddDistinct(ref List<string>? list, string value)
    {
        list ??= [];
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private void RetryOrFinish(Work work, int resolver, DnsOutcome outcome, DnsRcode? rcode)
    {
        if (work.Attempt < _options.Retries)
        {
            _queue.Enqueue(work with { Attempt = work.Attempt + 1, Avoid = resolver });
            return;
        }
        Finish(work, outcome, rcode);
    }

    /// <summary>Records the type's final outcome and emits the name when it was the last one; call under the gate.</summary>
    private void Finish(Work work, DnsOutcome outcome, DnsRcode? rcode)
    {
        var job = work.Job;
        job.Outcomes[work.TypeIndex] = outcome;
        job.Rcodes[work.TypeIndex] = rcode;
        if (--job.Pending == 0)
        {
            _finished.Add(job.ToResult());
        }
    }

    /// <summary>The rare path (truncated answers): one connection per query, with its own timeout.</summary>
    private async Task ResolveOverTcpAsync(Work work, int resolver, int run, CancellationToken ct)
    {
        var member = _pool.Members[resolver];
        var header = default(DnsWire.Header);
        var records = new List<DnsRecord>();
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Timeout * 2);
            using var tcp = new Socket(member.Family, SocketType.Stream, ProtocolType.Tcp);
            await tcp.ConnectAsync(member.Endpoint.EndPoint, timeout.Token);
            var query = new byte[2 + 512];
            var id = (ushort)Random.Shared.Next(65_536);
            var length = DnsWire.WriteQuery(query.AsSpan(2), id, work.QueryName, work.Type, ednsPayload: _options.Edns ? _options.EdnsPayload : 0);
            query[0] = (byte)(length >> 8);
            query[1] = (byte)length;
            await tcp.SendAsync(query.AsMemory(0, length + 2), SocketFlags.None, timeout.Token);
            var prefix = new byte[2];
            await ReadExactlyAsync(tcp, prefix, timeout.Token);
            var answer = new byte[(prefix[0] << 8) | prefix[1]];
            await ReadExactlyAsync(tcp, answer, timeout.Token);
            if (!DnsWire.TryReadHeader(answer, out header) || header.Id != id || !DnsWire.EchoesQuestion(answer, work.QueryName, work.Type))
            {
                error = "TCP answer does not match the query";
            }
            else
            {
                DnsWire.ReadAnswers(answer, records);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or FormatException or IOException)
        {
            error = $"TCP fallback failed: {e.Message}";
        }
        lock (_gate)
        {
            if (run != _run || !_running)
            {
                return; // the run this query belonged to is over
            }
            _tcpInFlight--;
            work.Job.Attempts++;
            if (error is not null)
            {
                _pool.Failed(resolver, NowMs);
                work.Job.Error = error;
                RetryOrFinish(work, resolver, DnsOutcome.Error, null);
            }
            else if (header.Rcode is DnsRcode.NoError or DnsRcode.NxDomain)
            {
                work.Job.Resolver = member.Endpoint.ToString();
                Interpret(work, header.Rcode, records);
            }
            else
            {
                RetryOrFinish(work, resolver, header.Rcode == DnsRcode.ServFail ? DnsOutcome.Servfail : header.Rcode == DnsRcode.Refused ? DnsOutcome.Refused : DnsOutcome.Error, header.Rcode);
            }
        }
    }

    private static async Task ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, ct);
            if (n == 0)
            {
                throw new IOException("the server closed the connection");
            }
            read += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // The loop uses the sockets' descriptors raw: it ends before they close.
        if (_loop is { } loop)
        {
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _transport.Dispose();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
        _pool.Dispose();
        _globalLimiter?.Dispose();
        _stop.Dispose();
    }
}

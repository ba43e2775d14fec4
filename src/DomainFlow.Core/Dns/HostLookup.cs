using System.Net;

namespace DomainFlow.Core.Dns;

/// <summary>
/// Single-name lookups (A and AAAA) through the bulk resolver, for the odd name a bulk run meets (the host a
/// redirect leads to). One lookup at a time: the resolver runs one bulk run at a time.
/// </summary>
public sealed class HostLookup(BulkResolverOptions options) : IAsyncDisposable
{
    private readonly BulkResolver _resolver = new(options with { RecordTypes = [DnsRecordType.A, DnsRecordType.AAAA] });
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<IReadOnlyList<IPAddress>> LookupAsync(string host, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            await foreach (var result in _resolver.ResolveAsync(new[] { host }.ToAsyncEnumerable(), ct))
            {
                return [.. result.Addresses4.Concat(result.Addresses6).Select(IPAddress.Parse)];
            }
            return [];
        }
        finally
        {
            _one.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _resolver.DisposeAsync();
        _one.Dispose();
    }
}

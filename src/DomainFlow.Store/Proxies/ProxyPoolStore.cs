using DomainFlow.Core.Proxies;
using DomainFlow.Store.Resources;

namespace DomainFlow.Store.Proxies;

/// <summary>Proxy pools: a workspace resource; names unique case-insensitively. Members naming deleted proxies are skipped when a phase uses the pool.</summary>
public sealed class ProxyPoolStore(Database db) : NamedConfigStore<ProxyPoolConfig>(db, "proxy_pools", "proxy pool");

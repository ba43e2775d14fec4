using DomainFlow.Core.Personas;
using DomainFlow.Store.Resources;

namespace DomainFlow.Store.Personas;

/// <summary>DNS personas: a workspace resource; every one stored is valid, names unique case-insensitively.</summary>
public sealed class DnsPersonaStore(Database db) : NamedConfigStore<DnsPersonaConfig>(db, "dns_personas", "persona");

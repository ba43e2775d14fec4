using DomainFlow.Core.Personas;
using DomainFlow.Store.Resources;

namespace DomainFlow.Store.Personas;

/// <summary>HTTP personas: a workspace resource; every one stored is valid, names unique case-insensitively.</summary>
public sealed class HttpPersonaStore(Database db) : NamedConfigStore<HttpPersonaConfig>(db, "http_personas", "persona");

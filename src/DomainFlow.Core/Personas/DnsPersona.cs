namespace DomainFlow.Core.Personas;

/// <summary>A stored DNS persona: a workspace resource every user reads; its creator and admins change it.</summary>
public sealed record DnsPersona(Guid Id, DnsPersonaConfig Config, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

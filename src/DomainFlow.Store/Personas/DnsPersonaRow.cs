using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Personas;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Personas;

internal sealed class DnsPersonaRow
{
    public const string Columns = "seq, id, name, config, enabled, created_by, created_at, updated_at";

    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Config { get; set; } = "";
    public long Enabled { get; set; }
    public string? CreatedBy { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public DnsPersona ToModel() => new(
        Guid.Parse(Id),
        JsonSerializer.Deserialize<DnsPersonaConfig>(Config, DomainFlowJson.Options) ?? throw new InvalidOperationException($"DNS persona {Id} has no configuration."),
        CreatedBy is null ? null : Guid.Parse(CreatedBy),
        Time.FromMs(CreatedAt),
        Time.FromMs(UpdatedAt));
}

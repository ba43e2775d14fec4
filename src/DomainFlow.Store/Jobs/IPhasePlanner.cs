using System.Data.Common;
using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Jobs;

/// <summary>Plans a phase's shards when it starts, inside the start transaction (so reservations are atomic with it).</summary>
public interface IPhasePlanner
{
    PhaseName Phase { get; }

    Task<PhasePlan> PlanAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, string configJson, CancellationToken ct);
}

using DomainFlow.Core.Audit;
using DomainFlow.Store.Audit;

namespace DomainFlow.Server.Auth;

/// <summary>Writes audit entries with the request's actor and client IP filled in.</summary>
public sealed class AuditLog(AuditStore store)
{
    public Task RecordAsync(
        HttpContext http, string action, AuditOutcome outcome = AuditOutcome.Success,
        string? targetType = null, string? targetId = null, string? detail = null, Guid? actorId = null, string? actorEmail = null)
    {
        var caller = Caller.Of(http);
        return store.AppendAsync(new AuditEntry(
            0, default, action, outcome, actorId ?? caller?.User.Id, actorEmail ?? caller?.User.Email, targetType, targetId, ClientIp.Of(http), detail),
            // Recorded even when the client disconnects: an aborted request still happened.
            CancellationToken.None);
    }
}

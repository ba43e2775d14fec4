namespace DomainFlow.Core.Users;

/// <summary>Who is looking: campaigns are visible to their owner and to admins, to nobody else.</summary>
public sealed record Viewer(Guid UserId, bool IsAdmin)
{
    public bool CanSee(Guid? ownerId) => IsAdmin || ownerId == UserId;
}

using DomainFlow.Core.Users;

namespace DomainFlow.Store.Users;

/// <summary>What a login check needs: the user, the password hash and the lockout state.</summary>
public sealed record LoginRecord(User User, string PasswordHash, DateTimeOffset? LockedUntil);

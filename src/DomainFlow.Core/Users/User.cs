namespace DomainFlow.Core.Users;

/// <summary>An account. The password hash never leaves the store layer.</summary>
public sealed record User(
    Guid Id,
    string Email,
    string DisplayName,
    UserRole Role,
    bool Active,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    public bool IsAdmin => Role == UserRole.Admin;

    public Viewer AsViewer() => new(Id, IsAdmin);
}

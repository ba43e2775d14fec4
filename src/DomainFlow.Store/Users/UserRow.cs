using DomainFlow.Core;
using DomainFlow.Core.Users;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Users;

internal sealed class UserRow
{
    public const string Columns = "seq, id, email, display_name, role, active, password_hash, must_change_password, failed_logins, lockouts, locked_until, created_at, last_login_at";

    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long Active { get; set; }
    public string PasswordHash { get; set; } = "";
    public long MustChangePassword { get; set; }
    public long FailedLogins { get; set; }
    public long Lockouts { get; set; }
    public long? LockedUntil { get; set; }
    public long CreatedAt { get; set; }
    public long? LastLoginAt { get; set; }

    public User ToModel() => new(
        Guid.Parse(Id), Email, DisplayName, WireNames.Parse<UserRole>(Role), Active != 0, MustChangePassword != 0,
        Time.FromMs(CreatedAt), Time.FromMs(LastLoginAt));
}

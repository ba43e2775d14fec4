using System.Net.Mail;

namespace DomainFlow.Core.Users;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The lookup key: emails are unique and matched case-insensitively.</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    public static string? Validate(string? email, ValidationErrors errors, string field = "email")
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, "is required");
            return null;
        }
        if (trimmed.Length > MaxLength || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(field, "is not a valid email address");
            return null;
        }
        return trimmed;
    }
}

using DomainFlow.Core;

namespace DomainFlow.Server.Api;

internal static class UserFields
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>The display name, defaulting to the email's local part.</summary>
    public static string ValidateDisplayName(string? raw, string? email, ValidationErrors errors)
    {
        var name = raw?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return email?.Split('@')[0] ?? "";
        }
        if (name.Length > MaxDisplayNameLength)
        {
            errors.Add("displayName", $"must be at most {MaxDisplayNameLength} characters");
        }
        if (name.Any(char.IsControl))
        {
            errors.Add("displayName", "must not contain control characters");
        }
        return name;
    }
}

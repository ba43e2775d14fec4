using System.Reflection;

namespace DomainFlow.Core.Users;

/// <summary>
/// At least 12 characters (at most 256), not a known common password, not the account's own email or name.
/// The bundled list holds widely breached passwords; a common word padded with digits or symbols
/// ("password1234!") counts as common too, since that is the first thing a guesser tries.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static void Validate(string? password, ValidationErrors errors, string field = "password", params string?[] personal)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "is required");
            return;
        }
        if (password.Length < MinLength)
        {
            errors.Add(field, $"must be at least {MinLength} characters");
        }
        else if (password.Length > MaxLength)
        {
            errors.Add(field, $"must be at most {MaxLength} characters");
        }
        else if (IsCommon(password))
        {
            errors.Add(field, "is too common: choose a password that is not on lists of breached passwords");
        }
        else if (personal.Any(p => !string.IsNullOrWhiteSpace(p) && password.Contains(p.Trim().Split('@')[0], StringComparison.OrdinalIgnoreCase) && p.Trim().Split('@')[0].Length >= 4))
        {
            errors.Add(field, "must not contain your email or name");
        }
        else if (password.Distinct().Count() < 4)
        {
            errors.Add(field, "uses too few different characters");
        }
    }

    public static void ThrowIfInvalid(string? password, string field = "password", params string?[] personal)
    {
        var errors = new ValidationErrors();
        Validate(password, errors, field, personal);
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
    }

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        return Common.Value.Contains(lower) || Common.Value.Contains(lower.Trim(Padding));
    }

    private static readonly char[] Padding = "0123456789!@#$%^&*()_-+=.,?~ ".ToCharArray();

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Users/common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set;
    }
}

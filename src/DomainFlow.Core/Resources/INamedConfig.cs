namespace DomainFlow.Core.Resources;

/// <summary>
/// A configuration kept as a named workspace resource (DNS and HTTP personas, keyword sets): every user reads it,
/// its creator and admins change it; names are unique case-insensitively within its kind.
/// </summary>
public interface INamedConfig<TSelf>
    where TSelf : class, INamedConfig<TSelf>
{
    string Name { get; }

    string? Description { get; }

    bool Enabled { get; }

    /// <summary>Every problem at once, with JSON field paths ("rules[2].pattern").</summary>
    ValidationErrors Validate();

    /// <summary>
    /// The stored form: trimmed text, normalized spellings. JSON may carry nulls where the model has none (a missing
    /// list, a null element); they become empty values so validation reports them instead of crashing.
    /// </summary>
    static abstract TSelf Canonical(TSelf? input);
}

/// <summary>The checks every named configuration shares.</summary>
public static class NamedConfigRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public static void ValidateNameAndDescription(string name, string? description, ValidationErrors errors)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            errors.Add("name", "is required");
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add("name", $"must be at most {MaxNameLength} characters");
        }
        if (description?.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"must be at most {MaxDescriptionLength} characters");
        }
    }

    /// <summary>Null for blank text, else the trimmed text.</summary>
    public static string? TrimToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A stored named configuration: its id, configuration, who created it and when.</summary>
public sealed record NamedResource<TConfig>(Guid Id, TConfig Config, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    where TConfig : class, INamedConfig<TConfig>;

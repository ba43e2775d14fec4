using System.Text.RegularExpressions;
using DomainFlow.Core.Resources;

namespace DomainFlow.Core.Keywords;

public enum KeywordRuleType
{
    /// <summary>A literal, found anywhere in the text.</summary>
    String,

    /// <summary>A .NET regular expression, run without backtracking where it can be.</summary>
    Regex,
}

/// <summary>One rule of a keyword set.</summary>
/// <param name="Pattern">The literal or the regular expression.</param>
/// <param name="Category">A free label to group hits by ("brand", "parked", "sale").</param>
/// <param name="Weight">What one hit is worth in the score (negative: a hit lowers it).</param>
/// <param name="ContextChars">Characters kept on each side of a hit in its context snippets.</param>
public sealed record KeywordRule(
    string Pattern,
    KeywordRuleType Type = KeywordRuleType.String,
    bool CaseSensitive = false,
    string? Category = null,
    double Weight = 1,
    int ContextChars = 60);

/// <summary>A named list of rules; enabled by default.</summary>
public sealed record KeywordSetConfig : INamedConfig<KeywordSetConfig>
{
    public const int MaxRules = 5000;
    public const int MaxPatternLength = 1000;
    public const int MaxContextChars = 500;
    public const int MaxSnippetsLimit = 20;

    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<KeywordRule> Rules { get; init; } = [];

    /// <summary>Context snippets kept per rule (every hit is counted regardless).</summary>
    public int MaxSnippets { get; init; } = 3;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        NamedConfigRules.ValidateNameAndDescription(Name, Description, errors);
        ValidateRules(Rules, "rules", errors);
        if (MaxSnippets is < 0 or > MaxSnippetsLimit)
        {
            errors.Add("maxSnippets", $"must be between 0 and {MaxSnippetsLimit}");
        }
        return errors;
    }

    /// <summary>Checks rules wherever they come from (a set, ad-hoc keywords of a phase, a test request).</summary>
    public static void ValidateRules(IReadOnlyList<KeywordRule> rules, string field, ValidationErrors errors, bool required = true)
    {
        if (required && rules.Count == 0)
        {
            errors.Add(field, "must list at least one rule");
        }
        if (rules.Count > MaxRules)
        {
            errors.Add(field, $"must list at most {MaxRules} rules");
        }
        for (var i = 0; i < Math.Min(rules.Count, MaxRules); i++)
        {
            var rule = rules[i];
            var at = $"{field}[{i}]";
            if (string.IsNullOrEmpty(rule.Pattern))
            {
                errors.Add($"{at}.pattern", "is required");
            }
            else if (rule.Pattern.Length > MaxPatternLength)
            {
                errors.Add($"{at}.pattern", $"must be at most {MaxPatternLength} characters");
            }
            else if (rule.Type == KeywordRuleType.Regex && KeywordPatterns.RegexError(rule.Pattern, rule.CaseSensitive) is { } problem)
            {
                errors.Add($"{at}.pattern", $"is not a valid regular expression: {problem}");
            }
            if (!Enum.IsDefined(rule.Type))
            {
                errors.Add($"{at}.type", "must be string or regex");
            }
            if (rule.Category?.Length > 100)
            {
                errors.Add($"{at}.category", "must be at most 100 characters");
            }
            if (!double.IsFinite(rule.Weight) || rule.Weight is < -1000 or > 1000)
            {
                errors.Add($"{at}.weight", "must be between -1000 and 1000");
            }
            if (rule.ContextChars is < 0 or > MaxContextChars)
            {
                errors.Add($"{at}.contextChars", $"must be between 0 and {MaxContextChars}");
            }
        }
    }

    /// <summary>Trimmed names and categories; patterns are kept as typed (spaces can matter).</summary>
    public static KeywordSetConfig Canonical(KeywordSetConfig? input)
    {
        var config = input ?? new KeywordSetConfig();
        return config with
        {
            Name = (config.Name ?? "").Trim(),
            Description = NamedConfigRules.TrimToNull(config.Description),
            Rules = CanonicalRules(config.Rules),
        };
    }

    public static IReadOnlyList<KeywordRule> CanonicalRules(IReadOnlyList<KeywordRule>? rules) =>
        (rules ?? []).Select(r => r is null ? new KeywordRule("") : r with { Pattern = r.Pattern ?? "", Category = NamedConfigRules.TrimToNull(r.Category) }).ToList();
}

/// <summary>How patterns become regular expressions: in one place, so validation and matching agree.</summary>
public static class KeywordPatterns
{
    /// <summary>Bounds a backtracking pattern's single match call; NonBacktracking patterns run in linear time and need none.</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// NonBacktracking when the pattern allows it (linear time in the text: no pattern can hang a worker); otherwise
    /// (backreferences, lookarounds, atomic groups) the backtracking engine under <see cref="BacktrackingTimeout"/>.
    /// </summary>
    public static Regex Compile(string pattern, bool caseSensitive)
    {
        var options = RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, BacktrackingTimeout);
        }
    }

    /// <summary>Why the pattern does not compile, or null.</summary>
    public static string? RegexError(string pattern, bool caseSensitive)
    {
        try
        {
            Compile(pattern, caseSensitive);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

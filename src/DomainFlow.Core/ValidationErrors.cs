namespace DomainFlow.Core;

/// <summary>Collects every problem with an input at once, keyed by field, so a user fixes them in one go.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public static ValidationErrors Single(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
}

/// <summary>Thrown when input is invalid; carries every error found.</summary>
public sealed class ValidationException(ValidationErrors errors) : Exception(errors.ToString())
{
    public ValidationErrors Errors { get; } = errors;
}

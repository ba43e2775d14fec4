using System.Buffers;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DomainFlow.Core.Keywords;

/// <summary>A hit's surroundings: the text around it (whitespace collapsed) and where the hit starts in the text.</summary>
public sealed record KeywordSnippet(int Offset, string Text);

/// <summary>What one rule found: every occurrence counted, up to the set's limit of snippets kept.</summary>
/// <param name="Error">Set when a backtracking regex ran out of time: the count is what it found until then.</param>
/// <param name="Set">The keyword set the rule belongs to; null for ad-hoc keywords.</param>
public sealed record KeywordHit(
    int Rule, string Pattern, KeywordRuleType Type, string? Category, double Weight, int Count, IReadOnlyList<KeywordSnippet> Snippets,
    string? Error = null, string? Set = null);

/// <summary>Rules that came together: one keyword set (its name and its snippet limit), or the ad-hoc keywords.</summary>
public sealed record KeywordRuleGroup(string? Set, IReadOnlyList<KeywordRule> Rules, int MaxSnippets = 3);

/// <summary>Every rule with at least one hit, and their score.</summary>
public sealed record KeywordMatches(IReadOnlyList<KeywordHit> Hits, double Score)
{
    public static readonly KeywordMatches None = new([], 0);
}

/// <summary>
/// Rules compiled once, run over many texts (thread-safe). Literal rules share two SearchValues&lt;string&gt;
/// scanners (case-insensitive and case-sensitive) that find every candidate position in one vectorized pass; regex
/// rules run one by one (<see cref="KeywordPatterns.Compile"/>). Occurrences of one rule do not overlap each other
/// ("aa" occurs once in "aaa"); different rules are counted independently.
/// </summary>
public sealed class KeywordMatcher
{
    private readonly KeywordRule[] _rules;
    private readonly string?[] _sets;
    private readonly int[] _maxSnippets;
    private readonly ILiteralScanner[] _literals;
    private readonly (int Rule, Regex Regex)[] _regexes;

    public KeywordMatcher(IReadOnlyList<KeywordRule> rules, int maxSnippets = 3)
        : this([new KeywordRuleGroup(null, rules, maxSnippets)])
    {
    }

    private KeywordMatcher(IReadOnlyList<KeywordRuleGroup> groups)
    {
        _rules = [.. groups.SelectMany(g => g.Rules)];
        _sets = [.. groups.SelectMany(g => g.Rules.Select(_ => g.Set))];
        _maxSnippets = [.. groups.SelectMany(g => g.Rules.Select(_ => g.MaxSnippets))];
        var literals = _rules.Select((rule, index) => (rule, index)).Where(x => x.rule.Type == KeywordRuleType.String && x.rule.Pattern.Length > 0).ToList();
        _literals = new[] { true, false }
            .Select(ignoreCase => literals.Where(x => x.rule.CaseSensitive != ignoreCase).Select(x => (x.index, x.rule.Pattern)).ToList())
            .Select((group, i) => group.Count == 0 ? null : LiteralScannerFor(group, ignoreCase: i == 0))
            .OfType<ILiteralScanner>()
            .ToArray();
        _regexes = _rules.Select((rule, index) => (rule, index))
            .Where(x => x.rule.Type == KeywordRuleType.Regex && x.rule.Pattern.Length > 0)
            .Select(x => (x.index, KeywordPatterns.Compile(x.rule.Pattern, x.rule.CaseSensitive)))
            .ToArray();
    }

    /// <summary>Several sets matched in one pass; each hit names its set and keeps that set's number of snippets.</summary>
    public static KeywordMatcher ForGroups(IReadOnlyList<KeywordRuleGroup> groups) => new(groups);

    public int RuleCount => _rules.Length;

    private static ILiteralScanner LiteralScannerFor(List<(int Rule, string Pattern)> literals, bool ignoreCase) =>
        LiteralAutomaton.TryCreate(literals, ignoreCase) is { } automaton
            ? new AutomatonScanner(automaton)
            : LiteralScanner.Create(literals, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>
    /// The score: each rule adds weight × log2(1 + count), so the first hit is worth the weight and repeating a word
    /// a thousand times is worth about ten hits, not a thousand.
    /// </summary>
    public static double Score(IEnumerable<KeywordHit> hits) => hits.Sum(h => h.Weight * Math.Log2(1 + h.Count));

    public KeywordMatches Match(string text) => Match(text.AsSpan());

    public KeywordMatches Match(ReadOnlySpan<char> text)
    {
        if (_rules.Length == 0 || text.Length == 0)
        {
            return KeywordMatches.None;
        }
        var tally = new Tally(_rules.Length);
        foreach (var scanner in _literals)
        {
            scanner.Scan(text, this, tally);
        }
        foreach (var (rule, regex) in _regexes)
        {
            // The engine's timeout bounds one match call; a pattern matching thousands of times must not add them up.
            var deadline = Stopwatch.GetTimestamp() + (long)(KeywordPatterns.BacktrackingTimeout.TotalSeconds * Stopwatch.Frequency);
            try
            {
                foreach (var match in regex.EnumerateMatches(text))
                {
                    Record(tally, rule, text, match.Index, match.Length);
                    if (Stopwatch.GetTimestamp() > deadline)
                    {
                        throw new RegexMatchTimeoutException();
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                tally.Errors ??= new string?[_rules.Length];
                tally.Errors[rule] = $"stopped after {KeywordPatterns.BacktrackingTimeout.TotalMilliseconds:F0} ms: the pattern takes too long on this text";
            }
        }
        var hits = new List<KeywordHit>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var error = tally.Errors?[i];
            if (tally.Counts[i] == 0 && error is null)
            {
                continue;
            }
            var rule = _rules[i];
            hits.Add(new KeywordHit(i, rule.Pattern, rule.Type, rule.Category, rule.Weight, tally.Counts[i], tally.Snippets[i] ?? [], error, _sets[i]));
        }
        return new KeywordMatches(hits, Score(hits));
    }

    private void Record(Tally tally, int rule, ReadOnlySpan<char> text, int index, int length)
    {
        tally.Counts[rule]++;
        if (tally.Counts[rule] > _maxSnippets[rule])
        {
            return;
        }
        var context = _rules[rule].ContextChars;
        var start = Math.Max(0, index - context);
        var end = Math.Min(text.Length, index + length + context);
        (tally.Snippets[rule] ??= []).Add(new KeywordSnippet(index, Text.Whitespace.Collapse(text[start..end])));
    }

    private interface ILiteralScanner
    {
        void Scan(ReadOnlySpan<char> text, KeywordMatcher matcher, Tally tally);
    }

    private sealed class AutomatonScanner(LiteralAutomaton automaton) : ILiteralScanner
    {
        public void Scan(ReadOnlySpan<char> text, KeywordMatcher matcher, Tally tally)
        {
            var sink = new Sink(text, matcher, tally);
            automaton.Scan(text, ref sink);
        }

        private readonly ref struct Sink(ReadOnlySpan<char> text, KeywordMatcher matcher, Tally tally) : IMatchSink
        {
            private readonly ReadOnlySpan<char> _text = text;

            public void Found(int end, int rule, int length)
            {
                var start = end - length;
                if (start >= tally.NextFree[rule])
                {
                    matcher.Record(tally, rule, _text, start, length);
                    tally.NextFree[rule] = end;
                }
            }
        }
    }

    private sealed class Tally(int rules)
    {
        public readonly int[] Counts = new int[rules];
        public readonly List<KeywordSnippet>?[] Snippets = new List<KeywordSnippet>?[rules];

        /// <summary>Per rule, the position before which its next occurrence may not start (no overlaps).</summary>
        public readonly int[] NextFree = new int[rules];
        public string?[]? Errors;
    }

    /// <summary>
    /// All literals of one case mode, for sets too large for <see cref="LiteralAutomaton"/>. SearchValues finds the next position where any literal starts; the literals
    /// sharing that position's first character (bucketed once here) are then compared there.
    /// </summary>
    private sealed class LiteralScanner : ILiteralScanner
    {
        private readonly SearchValues<string> _values;
        private readonly StringComparison _comparison;
        private readonly Dictionary<char, (int Rule, string Pattern)[]> _byFirst;

        private LiteralScanner(SearchValues<string> values, StringComparison comparison, Dictionary<char, (int, string)[]> byFirst)
        {
            _values = values;
            _comparison = comparison;
            _byFirst = byFirst;
        }

        public static LiteralScanner Create(List<(int Rule, string Pattern)> literals, StringComparison comparison)
        {
            var ignoreCase = comparison == StringComparison.OrdinalIgnoreCase;
            var byFirst = literals
                .GroupBy(l => ignoreCase ? char.ToUpperInvariant(l.Pattern[0]) : l.Pattern[0])
                .ToDictionary(g => g.Key, g => g.ToArray());
            return new LiteralScanner(SearchValues.Create(literals.Select(l => l.Pattern).Distinct().ToArray(), comparison), comparison, byFirst);
        }

        public void Scan(ReadOnlySpan<char> text, KeywordMatcher matcher, Tally tally)
        {
            var ignoreCase = _comparison == StringComparison.OrdinalIgnoreCase;
            var position = 0;
            while (position < text.Length)
            {
                var found = text[position..].IndexOfAny(_values);
                if (found < 0)
                {
                    return;
                }
                position += found;
                var first = ignoreCase ? char.ToUpperInvariant(text[position]) : text[position];
                if (_byFirst.TryGetValue(first, out var candidates))
                {
                    var rest = text[position..];
                    foreach (var (rule, pattern) in candidates)
                    {
                        if (position >= tally.NextFree[rule] && rest.StartsWith(pattern, _comparison))
                        {
                            matcher.Record(tally, rule, text, position, pattern.Length);
                            tally.NextFree[rule] = position + pattern.Length;
                        }
                    }
                }
                position++;
            }
        }
    }
}

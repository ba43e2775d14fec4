using System.Diagnostics;
using DomainFlow.Core.Keywords;

namespace DomainFlow.Tests.Keywords;

public sealed class KeywordMatcherTests
{
    [Fact]
    public void Every_occurrence_is_counted_per_rule_without_overlaps_and_ignoring_case_unless_asked()
    {
        var matcher = new KeywordMatcher([new("shop"), new("Shopping", CaseSensitive: true), new("aa"), new("SHOPPING")]);

        var result = matcher.Match("Shop here: SHOPPING, shopping and Shopping. aaa aaaa");

        var counts = result.Hits.ToDictionary(h => h.Rule, h => h.Count);
        Assert.Equal(4, counts[0]); // Shop, SHOP(PING), shop(ping), Shop(ping)
        Assert.Equal(1, counts[1]); // only the exact "Shopping"
        Assert.Equal(3, counts[2]); // "aaa" holds one, "aaaa" two: occurrences of one rule do not overlap
        Assert.Equal(3, counts[3]);
    }

    [Fact]
    public void Snippets_keep_the_context_around_the_first_hits_with_whitespace_collapsed()
    {
        var matcher = new KeywordMatcher([new("domain", ContextChars: 6)], maxSnippets: 2);
        var text = "12345\n\tdomain 67890 domain abc domain";

        var hit = Assert.Single(matcher.Match(text).Hits);

        Assert.Equal(3, hit.Count);
        Assert.Equal([new KeywordSnippet(7, "2345 domain 67890"), new KeywordSnippet(20, "67890 domain abc d")], hit.Snippets);
    }

    [Fact]
    public void Regex_rules_count_every_match_and_carry_category_and_weight()
    {
        var matcher = new KeywordMatcher([new(@"\$\d+(\.\d\d)?", KeywordRuleType.Regex, Category: "price", Weight: 2), new("for sale", Category: "sale")]);

        var result = matcher.Match("Domain for sale: $500 or $1200.50, FOR SALE now");

        Assert.Equal([("price", 2, 2.0), ("sale", 2, 1.0)], result.Hits.Select(h => (h.Category!, h.Count, h.Weight)));
        Assert.Equal((2 * Math.Log2(3)) + Math.Log2(3), result.Score, 9);
    }

    [Fact]
    public void The_score_grows_with_the_log_of_the_count_and_negative_weights_lower_it()
    {
        var matcher = new KeywordMatcher([new("good", Weight: 3), new("bad", Weight: -1)]);

        Assert.Equal(3, matcher.Match("good").Score, 9);
        Assert.Equal(3 * Math.Log2(8), matcher.Match(string.Concat(Enumerable.Repeat("good ", 7))).Score, 9);
        Assert.Equal(3 - 1, matcher.Match("good bad").Score, 9);
        Assert.Equal(0, matcher.Match("nothing here").Score);
        Assert.Empty(matcher.Match("").Hits);
    }

    [Fact]
    public void A_catastrophic_regex_finishes_in_linear_time_without_backtracking()
    {
        var matcher = new KeywordMatcher([new("(a+)+$", KeywordRuleType.Regex), new("(x+x+)+y", KeywordRuleType.Regex)]);
        var text = new string('a', 50_000) + "!" + new string('x', 50_000);
        var clock = Stopwatch.StartNew();

        var result = matcher.Match(text);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void A_pattern_that_needs_backtracking_runs_under_a_timeout_and_says_so_when_it_runs_out()
    {
        // A backreference rules NonBacktracking out; on this text the backtracking engine would run for ages.
        var matcher = new KeywordMatcher([new(@"^(\w+\s?)*\1$", KeywordRuleType.Regex), new("word")]);
        var text = string.Concat(Enumerable.Repeat("word ", 5_000)) + "!";
        var clock = Stopwatch.StartNew();

        var result = matcher.Match(text);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalSeconds:F1} s");
        var stopped = Assert.Single(result.Hits, h => h.Rule == 0);
        Assert.Contains("takes too long", stopped.Error, StringComparison.Ordinal);
        Assert.Equal(5_000, Assert.Single(result.Hits, h => h.Rule == 1).Count); // the other rules still ran
    }

    [Fact]
    public void A_backtracking_pattern_with_many_slow_matches_stops_at_one_deadline_for_the_whole_text()
    {
        // Each match call first wades through a run of a's that (a|aa)* explores exponentially (well under the
        // per-call timeout), then matches the short "aX" after it: thousands of calls that would add up to seconds.
        var matcher = new KeywordMatcher([new(@"(?<=\s)(a|aa)*X", KeywordRuleType.Regex)]);
        var text = string.Concat(Enumerable.Repeat(" " + new string('a', 26) + "Y aX", 20_000));
        var clock = Stopwatch.StartNew();

        var result = matcher.Match(text);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed.TotalSeconds:F1} s");
        var stopped = Assert.Single(result.Hits);
        Assert.Contains("takes too long", stopped.Error, StringComparison.Ordinal);
        Assert.InRange(stopped.Count, 1, 19_999);
    }

    [Fact]
    public void Rules_of_several_sets_name_their_set_and_keep_that_sets_number_of_snippets()
    {
        var matcher = KeywordMatcher.ForGroups([
            new KeywordRuleGroup(null, [new KeywordRule("sale", Category: "ad hoc")]),
            new KeywordRuleGroup("Brands", [new KeywordRule("acme")], MaxSnippets: 1),
            new KeywordRuleGroup("Shops", [new KeywordRule("shop"), new KeywordRule("acme")], MaxSnippets: 4),
        ]);

        var hits = matcher.Match("acme shop, acme sale, acme shop, acme").Hits;

        Assert.Equal(
            [(null, "sale", 1, 1), ("Brands", "acme", 4, 1), ("Shops", "shop", 2, 2), ("Shops", "acme", 4, 4)],
            hits.Select(h => (h.Set, h.Pattern, h.Count, h.Snippets.Count)));
    }

    [Fact]
    public void Validation_names_every_bad_rule_by_its_path()
    {
        var config = new KeywordSetConfig
        {
            Name = "",
            Rules = [new("ok"), new(""), new("([a-z", KeywordRuleType.Regex), new("x", Weight: 5000, ContextChars: -1), new("y", Category: new string('c', 101))],
            MaxSnippets = 50,
        };

        var errors = config.Validate().ToDictionary();

        Assert.Equal(
            ["maxSnippets", "name", "rules[1].pattern", "rules[2].pattern", "rules[3].contextChars", "rules[3].weight", "rules[4].category"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("is not a valid regular expression", errors["rules[2].pattern"][0], StringComparison.Ordinal);
        Assert.Contains("rules", new KeywordSetConfig { Name = "empty" }.Validate().ToDictionary().Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Literal_counts_and_first_snippets_equal_a_plain_indexof_scan_for_random_rules_and_texts(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "abcAB é-É";
        string Random(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var rules = Enumerable.Range(0, 60).Select(_ => new KeywordRule(Random(1, 5), CaseSensitive: random.Next(3) == 0)).ToList();
        var matcher = new KeywordMatcher(rules);

        for (var round = 0; round < 20; round++)
        {
            // Short texts take the automaton's single walk, long ones its two half walks (matches across the middle).
            var text = Random(0, 8_000);
            var hits = matcher.Match(text).Hits.ToDictionary(h => h.Rule);
            for (var rule = 0; rule < rules.Count; rule++)
            {
                var comparison = rules[rule].CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                var expected = NaivePositions(text, rules[rule].Pattern, comparison);
                var hit = hits.GetValueOrDefault(rule);
                Assert.True(expected.Count == (hit?.Count ?? 0), $"rule '{rules[rule].Pattern}' ({comparison}) on '{text}'");
                Assert.Equal(expected.Take(3), hit?.Snippets.Select(s => s.Offset) ?? []);
            }
        }
    }

    [Fact]
    public void A_literal_set_too_large_for_the_automaton_table_is_still_counted_exactly()
    {
        // 600 patterns of 1,000 characters over 64 distinct characters: a table of 600,001 states × 64 classes is
        // past the automaton's budget, so the SearchValues scanner takes these rules.
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.-";
        var patterns = Enumerable.Range(0, 600).Select(_ => new string([.. Enumerable.Range(0, 1_000).Select(_ => alphabet[random.Next(alphabet.Length)])])).ToList();
        var matcher = new KeywordMatcher([.. patterns.Select(p => new KeywordRule(p, CaseSensitive: true))]);
        var text = patterns[3] + " and " + patterns[3] + patterns[599] + patterns[42][..999];

        var counts = matcher.Match(text).Hits.ToDictionary(h => h.Rule, h => h.Count);

        Assert.Equal(new Dictionary<int, int> { [3] = 2, [599] = 1 }, counts);
    }

    private static List<int> NaivePositions(string text, string pattern, StringComparison comparison)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(pattern, comparison); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, comparison))
        {
            positions.Add(at);
        }
        return positions;
    }
}

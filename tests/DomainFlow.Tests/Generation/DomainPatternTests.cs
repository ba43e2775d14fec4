using DomainFlow.Core;
using DomainFlow.Core.Generation;

namespace DomainFlow.Tests.Generation;

public sealed class DomainPatternTests
{
    private static GenerationConfig Config(PatternType type, string charset, int? prefix, int? suffix, string constant, params string[] tlds) => new()
    {
        PatternType = type, Charset = charset, PrefixLength = prefix, SuffixLength = suffix, Constant = constant, Tlds = tlds,
    };

    [Fact]
    public void The_documented_example_maps_ordinals_to_names_with_the_tld_fastest()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Prefix, "abc", 2, null, "shop", "com", "net"));

        var names = Enumerable.Range(0, 18).Select(i => pattern.NameAt((ulong)i)).ToList();

        Assert.Equal(18UL, pattern.Total);
        Assert.Equal(["aashop.com", "aashop.net", "abshop.com", "abshop.net", "acshop.com"], names.Take(5));
        Assert.Equal("ccshop.net", names[^1]);
        Assert.Equal(18, names.Distinct().Count());
    }

    [Fact]
    public void Suffix_puts_the_variable_part_after_the_constant()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Suffix, "ab", null, 2, "go", "io"));

        Assert.Equal(["goaa.io", "goab.io", "goba.io", "gobb.io"], Enumerable.Range(0, 4).Select(i => pattern.NameAt((ulong)i)));
    }

    [Fact]
    public void Both_splits_one_variable_string_around_the_constant()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Both, "ab", 1, 2, "x", "com"));

        Assert.Equal("axaa.com", pattern.NameAt(0));
        Assert.Equal("axab.com", pattern.NameAt(1));
        Assert.Equal("bxbb.com", pattern.NameAt(7));
    }

    [Fact]
    public void The_charset_is_lower_cased_and_deduplicated_keeping_first_appearance()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Prefix, "BaAb1", 1, null, "", "com"));

        Assert.Equal("ba1", pattern.Charset);
    }

    [Theory]
    [InlineData("abc-", 2, "")]
    [InlineData("-a", 3, "")]
    [InlineData("a-b", 1, "")]
    [InlineData("a-b", 2, "x")]
    [InlineData("-", 2, "ok")]
    [InlineData("ab", 2, "")]
    public void Rank_counts_exactly_the_names_that_obey_dns_rules(string charset, int length, string constant)
    {
        foreach (var type in new[] { PatternType.Prefix, PatternType.Suffix, PatternType.Both })
        {
            var config = type == PatternType.Both
                ? Config(type, charset, length, length, constant, "com", "a-b")
                : Config(type, charset, type == PatternType.Prefix ? length : null, type == PatternType.Suffix ? length : null, constant, "com", "a-b");
            var errors = new ValidationErrors();
            var pattern = DomainPattern.TryCreate(config, errors);
            if (pattern is null)
            {
                continue; // a pattern with no valid name at all is rejected; covered below
            }
            ulong valid = 0;
            for (ulong i = 0; i < pattern.Total; i++)
            {
                Assert.Equal(valid, pattern.Rank(i));
                var name = pattern.NameAt(i);
                var isValid = Core.Generation.DnsNameRules.IsValidName(name);
                Assert.Equal(isValid, pattern.IsValid(i));
                valid += isValid ? 1UL : 0UL;
            }
            Assert.Equal(valid, pattern.ValidTotal);
        }
    }

    [Fact]
    public void The_generator_streams_exactly_the_valid_names_in_ordinal_order_from_any_offset()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Both, "a-1", 1, 2, "", "com", "net"));
        for (ulong start = 0; start < pattern.Total; start += 7)
        {
            var expected = Enumerable.Range((int)start, (int)(pattern.Total - start)).Select(i => (ulong)i)
                .Where(pattern.IsValid).Select(pattern.NameAt).ToList();
            var generator = new NameGenerator(pattern, start, pattern.Total);
            var actual = new List<string>();
            while (generator.MoveNext())
            {
                actual.Add(generator.CurrentName);
                Assert.Equal(pattern.NameAt(generator.CurrentOrdinal), generator.CurrentName);
            }
            Assert.Equal(expected, actual);
            Assert.Equal((long)(pattern.Total - start) - expected.Count, generator.Skipped);
        }
    }

    [Fact]
    public void OrdinalOfRank_inverts_Rank()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Prefix, "ab-", 3, null, "", "com", "org"));
        for (ulong r = 0; r < pattern.ValidTotal; r++)
        {
            var ordinal = pattern.OrdinalOfRank(r);
            Assert.True(pattern.IsValid(ordinal));
            Assert.Equal(r, pattern.Rank(ordinal));
        }
    }

    [Fact]
    public void Tlds_that_make_the_name_longer_than_253_characters_are_skipped_not_stored()
    {
        var longTld = string.Join('.', Enumerable.Repeat(new string('t', 61), 4)); // 247 characters: 9 + 1 + 247 > 253
        var pattern = DomainPattern.Create(Config(PatternType.Prefix, "ab", 5, null, "shop", "com", longTld));

        Assert.Equal(64UL, pattern.Total);
        Assert.Equal(32UL, pattern.ValidTotal);
        Assert.False(pattern.IsValid(1));
    }

    [Fact]
    public void Every_configuration_error_is_reported_at_once()
    {
        var errors = new ValidationErrors();
        var config = new GenerationConfig { PatternType = PatternType.Prefix, PrefixLength = 0, Charset = "ab$", Constant = "x_y", Tlds = [], MaxDomains = 0 };

        Assert.Null(DomainPattern.TryCreate(config, errors));

        var fields = errors.ToDictionary().Keys.ToHashSet();
        Assert.Equal(["charset", "constant", "maxDomains", "prefixLength", "tlds"], fields.Order());
    }

    [Fact]
    public void Lengths_above_63_and_spaces_beyond_64_bits_are_rejected()
    {
        var tooLong = new ValidationErrors();
        Assert.Null(DomainPattern.TryCreate(Config(PatternType.Prefix, "ab", 64, null, "", "com"), tooLong));
        Assert.Contains("prefixLength", tooLong.ToDictionary().Keys);

        var overflow = new ValidationErrors();
        Assert.Null(DomainPattern.TryCreate(Config(PatternType.Prefix, "abcdefghijklmnopqrstuvwxyz0123456789", 13, null, "", "com"), overflow));
        Assert.Contains("2^63", overflow.ToString());
    }

    [Fact]
    public void A_pattern_whose_every_name_breaks_dns_rules_is_rejected()
    {
        var errors = new ValidationErrors();

        Assert.Null(DomainPattern.TryCreate(Config(PatternType.Prefix, "-", 2, null, "", "com"), errors));
        Assert.Contains("breaks DNS rules", errors.ToString());
    }

    [Fact]
    public void The_config_hash_ignores_case_and_duplicate_characters_but_not_tld_order()
    {
        var a = DomainPattern.Create(Config(PatternType.Prefix, "abc", 2, null, "Shop", "com", "net"));
        var b = DomainPattern.Create(Config(PatternType.Prefix, "AaBbC", 2, null, "shop", "COM", "net"));
        var c = DomainPattern.Create(Config(PatternType.Prefix, "abc", 2, null, "shop", "net", "com"));

        Assert.Equal(a.ConfigHash, b.ConfigHash);
        Assert.NotEqual(a.ConfigHash, c.ConfigHash);
    }

    [Fact]
    public void Preview_reports_exact_counts_the_first_names_and_the_next_offset()
    {
        var pattern = DomainPattern.Create(Config(PatternType.Prefix, "a-", 2, null, "", "com"));

        var preview = GenerationPreview.Create(pattern, 0, 1);

        Assert.Equal(4UL, preview.Total);
        Assert.Equal(1UL, preview.Valid); // only "aa": "a-", "-a", "--" break the hyphen rule
        Assert.Equal(3UL, preview.Skipped);
        Assert.Equal(["aa.com"], preview.FirstNames);
        Assert.Equal(1UL, preview.NextOffset);
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DomainFlow.Core.Keywords;

namespace DomainFlow.Bench;

/// <summary>
/// The keyword half of scripts/bench-keywords: a generated corpus of pages with a keyword list, and KeywordMatcher
/// run over it the way the HTTP phase runs it (read a page, decode it, match every rule, keep snippets).
/// </summary>
internal static class KeywordBench
{
    private const int PageBytes = 64 * 1024;

    /// <summary>keywords-corpus --out DIR [--mb 500] [--keywords 200] [--seed 1]: DIR/pages/*.html and DIR/keywords.txt.</summary>
    public static int Corpus(Dictionary<string, string> options)
    {
        var dir = options.GetValueOrDefault("out") ?? throw new ArgumentException("--out DIR is required");
        var megabytes = Int(options, "mb", 500);
        var keywordCount = Int(options, "keywords", 200);
        var random = new Random(Int(options, "seed", 1));
        var clock = Stopwatch.StartNew();

        // Words of 3-10 letters; keywords are words and two-word phrases drawn from a disjoint vocabulary, so how
        // often each occurs is what the generator decides (about one keyword per 2 KB of text).
        var vocabulary = Enumerable.Range(0, 20_000).Select(_ => Word(random, 3, 10)).Distinct().ToArray();
        var keywords = Enumerable.Range(0, keywordCount)
            .Select(i => i % 4 == 0 ? $"{Word(random, 4, 8)} {Word(random, 4, 8)}" : Word(random, 5, 12) + "q")
            .Distinct().ToArray();
        Directory.CreateDirectory(Path.Combine(dir, "pages"));
        File.WriteAllLines(Path.Combine(dir, "keywords.txt"), keywords);

        var pages = (int)Math.Ceiling(megabytes * 1024.0 * 1024.0 / PageBytes);
        long bytes = 0;
        var text = new StringBuilder(PageBytes + 256);
        for (var page = 0; page < pages; page++)
        {
            text.Clear();
            text.Append("<html><head><title>").Append(vocabulary[random.Next(vocabulary.Length)]).Append("</title></head><body><p>");
            while (text.Length < PageBytes)
            {
                var roll = random.Next(400);
                var word = roll == 0 ? keywords[random.Next(keywords.Length)]
                    : roll == 1 ? keywords[random.Next(keywords.Length)].ToUpperInvariant()
                    : vocabulary[random.Next(vocabulary.Length)];
                text.Append(word).Append(random.Next(12) == 0 ? ".\n" : " ");
                if (random.Next(200) == 0)
                {
                    text.Append("</p><p>café — prix spécial ");
                }
            }
            text.Append("</p></body></html>\n");
            var encoded = Encoding.UTF8.GetBytes(text.ToString());
            File.WriteAllBytes(Path.Combine(dir, "pages", $"{page:D6}.html"), encoded);
            bytes += encoded.Length;
        }
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT keywords-corpus pages={pages} bytes={bytes} keywords={keywords.Length} seconds={clock.Elapsed.TotalSeconds:F1}"));
        return 0;
    }

    /// <summary>
    /// keywords --corpus DIR [--threads N]: every page read, decoded as UTF-8 and matched against every keyword
    /// (case-insensitive literals, as rg -i -F); then a sample of pages re-counted naively to check the counts.
    /// </summary>
    public static int Match(Dictionary<string, string> options)
    {
        var dir = options.GetValueOrDefault("corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var threads = Int(options, "threads", Environment.ProcessorCount);
        var keywords = File.ReadAllLines(Path.Combine(dir, "keywords.txt")).Where(k => k.Length > 0).ToArray();
        var files = Directory.GetFiles(Path.Combine(dir, "pages")).Order(StringComparer.Ordinal).ToArray();
        var matcher = new KeywordMatcher(keywords.Select(k => new KeywordRule(k)).ToList(), maxSnippets: 3);

        var clock = Stopwatch.StartNew();
        long bytes = 0, hits = 0, pagesWithHits = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (Bytes: 0L, Hits: 0L, Pages: 0L), (file, _, local) =>
        {
            // As the HTTP phase does: the page read and decoded into pooled buffers, no array or string per page.
            using var handle = File.OpenHandle(file);
            var size = (int)RandomAccess.GetLength(handle);
            var content = ArrayPool<byte>.Shared.Rent(size);
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(size));
            try
            {
                var read = RandomAccess.Read(handle, content.AsSpan(0, size), 0);
                var length = Encoding.UTF8.GetChars(content.AsSpan(0, read), chars);
                var count = matcher.Match(chars.AsSpan(0, length)).Hits.Sum(h => (long)h.Count);
                return (local.Bytes + read, local.Hits + count, local.Pages + (count > 0 ? 1 : 0));
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
                ArrayPool<byte>.Shared.Return(content);
            }
        }, local =>
        {
            Interlocked.Add(ref bytes, local.Bytes);
            Interlocked.Add(ref hits, local.Hits);
            Interlocked.Add(ref pagesWithHits, local.Pages);
        });
        var seconds = clock.Elapsed.TotalSeconds;

        var checkedPages = 0;
        var wrong = 0;
        foreach (var file in files.Where((_, i) => i % Math.Max(1, files.Length / 20) == 0))
        {
            var text = File.ReadAllText(file);
            var counts = matcher.Match(text).Hits.ToDictionary(h => h.Rule, h => h.Count);
            for (var rule = 0; rule < keywords.Length; rule++)
            {
                if (NaiveCount(text, keywords[rule]) != counts.GetValueOrDefault(rule))
                {
                    wrong++;
                }
            }
            checkedPages++;
        }
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT keywords threads={threads} pages={files.Length} bytes={bytes} seconds={seconds:F3} mb_per_s={bytes / 1048576.0 / seconds:F1} hits={hits} pages_with_hits={pagesWithHits} checked_pages={checkedPages} wrong_counts={wrong}"));
        return wrong == 0 ? 0 : 1;
    }

    /// <summary>Non-overlapping, case-insensitive occurrences found one IndexOf at a time: the reference for the check.</summary>
    private static int NaiveCount(string text, string keyword)
    {
        var count = 0;
        for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }
        return count;
    }

    private static string Word(Random random, int min, int max)
    {
        var length = random.Next(min, max + 1);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }

    private static int Int(Dictionary<string, string> options, string key, int fallback) =>
        options.TryGetValue(key, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--{key} must be a positive whole number")
            : fallback;
}

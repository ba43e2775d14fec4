using System.Text.Json;
using System.Text.RegularExpressions;

namespace DomainFlow.Core.Http;

/// <summary>What the detector looks at on a page.</summary>
public sealed record PageEvidence(
    IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Cookies, string Html,
    IReadOnlyDictionary<string, string> Meta, IReadOnlyList<string> ScriptSources);

/// <summary>
/// Technology fingerprints in the Wappalyzer JSON format: an object of technologies, each with "cats" (category
/// ids), and any of "headers", "cookies", "meta" (name → pattern), "html", "scriptSrc" (pattern or list) and
/// "implies"; a pattern may end in "\;version:\1" (the version from a group) or "\;confidence:N". An optional
/// "categories" object (id → { "name" }) names the categories. Patterns run without backtracking where they can
/// (see <see cref="Keywords.KeywordPatterns"/>); one that does not compile is skipped, not fatal.
/// </summary>
public sealed class TechFingerprints
{
    private readonly List<Technology> _technologies;

    private TechFingerprints(List<Technology> technologies) => _technologies = technologies;

    public int Count => _technologies.Count;

    /// <summary>The small set shipped with DomainFlow (Http/technologies.json).</summary>
    public static TechFingerprints Default { get; } = LoadDefault();

    private sealed record Pattern(Regex Regex, string? Version);

    private sealed record Technology(
        string Name, IReadOnlyList<string> Categories, Dictionary<string, Pattern[]> Headers, Dictionary<string, Pattern[]> Cookies,
        Dictionary<string, Pattern[]> Meta, Pattern[] Html, Pattern[] ScriptSrc, string[] Implies);

    private static TechFingerprints LoadDefault()
    {
        using var stream = typeof(TechFingerprints).Assembly.GetManifestResourceStream("Http/technologies.json")
            ?? throw new InvalidOperationException("The embedded technologies.json is missing.");
        return Load(stream);
    }

    /// <summary>Reads a Wappalyzer-format file; throws <see cref="JsonException"/> when it is not one.</summary>
    public static TechFingerprints Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadCategories(root.TryGetProperty("categories", out var c) ? c : default, categories);
        var technologies = new List<Technology>();
        ReadTechnologies(root.TryGetProperty("technologies", out var t) ? t : root, categories, technologies);
        return new TechFingerprints(technologies);
    }

    /// <summary>
    /// A Wappalyzer-format file, or a folder laid out as Wappalyzer ships it: <c>categories.json</c> (id → { "name" })
    /// beside technology files (<c>a.json</c> … <c>z.json</c>, <c>_.json</c>), merged. Throws <see cref="IOException"/>
    /// or <see cref="JsonException"/> naming the file that is missing or malformed.
    /// </summary>
    public static TechFingerprints LoadPath(string path)
    {
        if (!Directory.Exists(path))
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path}: no such file or folder of technology fingerprints");
            }
            using var file = File.OpenRead(path);
            return Parsing(path, () => Load(file));
        }
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var categoriesFile = Path.Combine(path, "categories.json");
        if (File.Exists(categoriesFile))
        {
            using var document = Parsing(categoriesFile, () => JsonDocument.Parse(File.ReadAllBytes(categoriesFile)));
            ReadCategories(document.RootElement, categories);
        }
        var technologies = new List<Technology>();
        foreach (var file in Directory.EnumerateFiles(path, "*.json").Where(f => f != categoriesFile).Order(StringComparer.Ordinal))
        {
            using var document = Parsing(file, () => JsonDocument.Parse(File.ReadAllBytes(file)));
            ReadTechnologies(document.RootElement.TryGetProperty("technologies", out var t) ? t : document.RootElement, categories, technologies);
        }
        return technologies.Count > 0 ? new TechFingerprints(technologies) : throw new JsonException($"{path}: no technology fingerprints in its .json files");
    }

    private static T Parsing<T>(string file, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new JsonException($"{file}: not Wappalyzer-format JSON ({e.Message})", e);
        }
    }

    private static void ReadCategories(JsonElement element, Dictionary<string, string> categories)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var category in element.EnumerateObject())
        {
            categories[category.Name] = category.Value.ValueKind == JsonValueKind.Object && category.Value.TryGetProperty("name", out var n)
                ? n.GetString() ?? category.Name
                : category.Name;
        }
    }

    private static void ReadTechnologies(JsonElement element, Dictionary<string, string> categories, List<Technology> technologies)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected an object of technologies");
        }
        foreach (var tech in element.EnumerateObject())
        {
            if (tech.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var v = tech.Value;
            technologies.Add(new Technology(
                tech.Name,
                v.TryGetProperty("cats", out var cats) && cats.ValueKind == JsonValueKind.Array
                    ? cats.EnumerateArray().Select(id => id.ToString()).Select(id => categories.GetValueOrDefault(id) ?? $"category {id}").ToList()
                    : [],
                Named(v, "headers"), Named(v, "cookies"), Named(v, "meta"), Patterns(v, "html"), Patterns(v, "scriptSrc"),
                v.TryGetProperty("implies", out var implies) ? Strings(implies).Select(i => i.Split("\\;")[0]).ToArray() : []));
        }
    }

    public IReadOnlyList<DetectedTech> Detect(PageEvidence page)
    {
        var found = new Dictionary<string, DetectedTech>(StringComparer.Ordinal);
        foreach (var tech in _technologies)
        {
            if (Match(tech, page) is { } hit)
            {
                found[tech.Name] = new DetectedTech(tech.Name, tech.Categories, hit.Version, hit.Evidence);
            }
        }
        // Implied technologies, transitively (WordPress implies PHP implies ...).
        var queue = new Queue<DetectedTech>(found.Values);
        var byName = _technologies.ToDictionary(x => x.Name, StringComparer.Ordinal);
        while (queue.TryDequeue(out var detected))
        {
            foreach (var implied in byName.GetValueOrDefault(detected.Name)?.Implies ?? [])
            {
                if (!found.ContainsKey(implied) && byName.TryGetValue(implied, out var tech))
                {
                    var added = new DetectedTech(implied, tech.Categories, null, $"implied by {detected.Name}");
                    found[implied] = added;
                    queue.Enqueue(added);
                }
            }
        }
        return [.. found.Values.OrderBy(x => x.Name, StringComparer.Ordinal)];
    }

    private static (string? Version, string Evidence)? Match(Technology tech, PageEvidence page)
    {
        foreach (var (header, patterns) in tech.Headers)
        {
            if (page.Headers.TryGetValue(header, out var value) && First(patterns, value) is { } version)
            {
                return (version.Length == 0 ? null : version, $"header {header}");
            }
        }
        foreach (var (cookie, patterns) in tech.Cookies)
        {
            if (page.Cookies.TryGetValue(cookie, out var value) && First(patterns, value) is { } version)
            {
                return (version.Length == 0 ? null : version, $"cookie {cookie}");
            }
        }
        foreach (var (meta, patterns) in tech.Meta)
        {
            if (page.Meta.TryGetValue(meta, out var value) && First(patterns, value) is { } version)
            {
                return (version.Length == 0 ? null : version, $"meta {meta}");
            }
        }
        foreach (var source in page.ScriptSources)
        {
            if (First(tech.ScriptSrc, source) is { } version)
            {
                return (version.Length == 0 ? null : version, $"script {source}");
            }
        }
        if (First(tech.Html, page.Html) is { } htmlVersion)
        {
            return (htmlVersion.Length == 0 ? null : htmlVersion, "html");
        }
        return null;
    }

    /// <summary>"" when a pattern matched without a version, the version when it gave one, null when none matched.</summary>
    private static string? First(Pattern[] patterns, string value)
    {
        foreach (var pattern in patterns)
        {
            Match match;
            try
            {
                match = pattern.Regex.Match(value);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (!match.Success)
            {
                continue;
            }
            if (pattern.Version is null)
            {
                return "";
            }
            var version = Regex.Replace(pattern.Version, @"\\(\d)", g => match.Groups[int.Parse(g.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Value);
            return version.Trim();
        }
        return null;
    }

    private static Dictionary<string, Pattern[]> Named(JsonElement tech, string property)
    {
        var named = new Dictionary<string, Pattern[]>(StringComparer.OrdinalIgnoreCase);
        if (tech.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                named[entry.Name] = Compile(Strings(entry.Value));
            }
        }
        return named;
    }

    private static Pattern[] Patterns(JsonElement tech, string property) =>
        tech.TryGetProperty(property, out var element) ? Compile(Strings(element)) : [];

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        _ => [],
    };

    private static Pattern[] Compile(IEnumerable<string> sources)
    {
        var patterns = new List<Pattern>();
        foreach (var source in sources)
        {
            var parts = source.Split("\\;");
            var version = parts.Skip(1).FirstOrDefault(p => p.StartsWith("version:", StringComparison.Ordinal))?["version:".Length..];
            try
            {
                patterns.Add(new Pattern(Keywords.KeywordPatterns.Compile(parts[0], caseSensitive: false), version));
            }
            catch (ArgumentException)
            {
                // A pattern .NET does not accept: the technology keeps its other patterns.
            }
        }
        return [.. patterns];
    }
}

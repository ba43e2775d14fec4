using System.Globalization;
using System.Text;

namespace DomainFlow.Server.Lab;

/// <summary>One written zone: its apex and the RFC 1035 master file holding it.</summary>
public sealed record DnsZoneFile(string Zone, string Path);

/// <summary>
/// Writes a <see cref="DnsWorld"/> as RFC 1035 zone files for a third-party server (Knot). The records come from
/// <see cref="DnsWorld.Lookup"/> of every candidate name, so the files cannot disagree with the truth the tests
/// check; they are streamed in one pass over the ordinals, so a large world never sits in memory.
/// </summary>
internal static class DnsZoneFiles
{
    private const int TxtStringLength = 255;

    public static IReadOnlyList<DnsZoneFile> Write(DnsWorld world, string directory)
    {
        Directory.CreateDirectory(directory);
        var zones = world.AllZones;
        var files = zones.Select(zone => new DnsZoneFile(zone, Path.Combine(directory, zone + ".zone"))).ToArray();
        var writers = new StreamWriter[files.Length];
        try
        {
            for (var i = 0; i < files.Length; i++)
            {
                writers[i] = new StreamWriter(files[i].Path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
                WriteHeader(writers[i], zones[i]);
            }
            // The '*' record answers every name below the wildcard zone, the wildcard candidates among them.
            writers[^1].WriteLine($"* A {world.WildcardAddress}");
            for (long ordinal = 0; ordinal < world.NameCount; ordinal++)
            {
                WriteName(world, writers, world.NameAt(ordinal));
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer?.Dispose();
            }
        }
        return files;
    }

    private static void WriteHeader(StreamWriter writer, string zone)
    {
        // The name server lives outside every zone, so no glue is needed and no lab name is spent on it.
        writer.WriteLine($"$ORIGIN {zone}.");
        writer.WriteLine("$TTL 300");
        writer.WriteLine("@ SOA ns.lab.invalid. hostmaster.lab.invalid. 1 3600 600 86400 300");
        writer.WriteLine("@ NS ns.lab.invalid.");
        // Something for MX queries to find (a persona may ask for MX and NS records besides addresses).
        writer.WriteLine("@ MX 10 mail.lab.invalid.");
    }

    private static void WriteName(DnsWorld world, StreamWriter[] writers, string name)
    {
        var truth = world.Lookup(name);
        if (truth.Kind is DnsNameKind.Absent or DnsNameKind.Wildcard)
        {
            return;
        }
        var owner = name;
        foreach (var target in truth.Chain)
        {
            Record(world, writers, owner, "CNAME", target + ".");
            owner = target;
        }
        foreach (var address in truth.Ipv4.Concat(truth.Ipv6))
        {
            Record(world, writers, owner, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "A" : "AAAA", address.ToString());
        }
        if (truth.Text is { } text)
        {
            Record(world, writers, owner, "TXT", Quote(text));
        }
    }

    /// <summary>Writes one record in the zone that holds <paramref name="owner"/>, named relative to its origin.</summary>
    private static void Record(DnsWorld world, StreamWriter[] writers, string owner, string type, string data)
    {
        var zone = world.ZoneIndexOf(owner);
        var label = owner[..^(world.AllZones[zone].Length + 1)];
        writers[zone].WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} {type} {data}"));
    }

    /// <summary>TXT data as quoted character strings of at most 255 bytes (the lab's text needs no escaping).</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + text.Length / TxtStringLength * 3 + 3);
        for (var at = 0; at < text.Length; at += TxtStringLength)
        {
            quoted.Append(at == 0 ? "\"" : " \"").Append(text.AsSpan(at, Math.Min(TxtStringLength, text.Length - at))).Append('"');
        }
        return quoted.ToString();
    }
}

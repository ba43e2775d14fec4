using System.Diagnostics;
using System.Globalization;

namespace DomainFlow.Bench;

/// <summary>Prints one "RESULT name names=.. seconds=.. rate=.. rss_mb=.." line and reads the process' peak RSS.</summary>
internal static class Measurement
{
    public static void Report(string name, long names, TimeSpan elapsed, params (string Key, string Value)[] extra)
    {
        var seconds = elapsed.TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"RESULT {name} names={names} seconds={seconds:F3} rate={names / seconds:F0} rss_mb={PeakRssMegabytes():F1}");
        foreach (var (key, value) in extra)
        {
            line += $" {key}={value}";
        }
        Console.WriteLine(line);
    }

    /// <summary>VmHWM of /proc/self/status: the highest resident set size this process reached, in MB.</summary>
    public static double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        return double.NaN;
    }

    public static string Seconds(Stopwatch watch) => watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}

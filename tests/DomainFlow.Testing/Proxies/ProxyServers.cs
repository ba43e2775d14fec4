namespace DomainFlow.Testing.Proxies;

/// <summary>Debian's proxies, started for a test on loopback.</summary>
public static class ProxyServers
{
    /// <summary>tinyproxy (HTTP CONNECT) on 127.0.0.1, CONNECT allowed to any port, with Basic credentials when given.</summary>
    public static Task<LoopbackDaemon> TinyproxyAsync(string? user = null, string? password = null) =>
        LoopbackDaemon.StartAsync("tinyproxy", (port, directory) =>
        {
            var config = Path.Combine(directory, "tinyproxy.conf");
            var lines = new List<string>
            {
                $"Port {port}", "Listen 127.0.0.1", "Timeout 30", "MaxClients 500", "LogLevel Info", "Allow 127.0.0.1", "DisableViaHeader Yes",
            };
            if (Environment.UserName == "root")
            {
                // tinyproxy drops root privileges only when told whom to become.
                lines.AddRange(["User nobody", "Group nogroup"]);
            }
            if (user is not null)
            {
                lines.Add($"BasicAuth {user} {password}");
            }
            // No ConnectPort line: CONNECT is allowed to every port (the lab's sites listen on free ports).
            File.WriteAllLines(config, lines);
            return ["-d", "-c", config];
        });

    /// <summary>microsocks (SOCKS5) on 127.0.0.1, with username/password authentication when given.</summary>
    public static Task<LoopbackDaemon> MicrosocksAsync(string? user = null, string? password = null) =>
        LoopbackDaemon.StartAsync("microsocks", (port, _) =>
            user is null ? ["-i", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                : ["-i", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", user, "-P", password ?? ""]);
}

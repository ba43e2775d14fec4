using System.Text.Json;

namespace DomainFlow.Server.Cli;

/// <summary>
/// API tokens saved by `domainflow login`, one per server, in the user's config folder
/// ($XDG_CONFIG_HOME/domainflow/credentials.json), readable by the user alone (0600 in a 0700 folder).
/// </summary>
public sealed class CredentialStore(string path)
{
    public sealed record Credential(string Token, Guid TokenId, string Email);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Path { get; } = path;

    public static CredentialStore ForCurrentUser()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new CredentialStore(System.IO.Path.Combine(configHome, "domainflow", "credentials.json"));
    }

    /// <summary>Servers are keyed by their origin, so "http://h:1/" and "http://h:1" are one entry.</summary>
    public static string KeyOf(Uri server) => server.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    public Credential? Find(Uri server) => Load().GetValueOrDefault(KeyOf(server));

    public void Save(Uri server, Credential credential)
    {
        var all = Load();
        all[KeyOf(server)] = credential;
        Write(all);
    }

    public bool Remove(Uri server)
    {
        var all = Load();
        var removed = all.Remove(KeyOf(server));
        if (removed)
        {
            Write(all);
        }
        return removed;
    }

    private Dictionary<string, Credential> Load() =>
        File.Exists(Path)
            ? JsonSerializer.Deserialize<Dictionary<string, Credential>>(File.ReadAllText(Path)) ?? []
            : [];

    private void Write(Dictionary<string, Credential> all)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temp = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, all, Indented);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, Path, overwrite: true);
    }
}

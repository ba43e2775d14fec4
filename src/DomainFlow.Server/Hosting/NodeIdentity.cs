namespace DomainFlow.Server.Hosting;

/// <summary>
/// A stable id per node (configured, or kept in the data folder), so a restarted node recognises the leases its
/// previous run held and resumes them at once instead of waiting for them to expire.
/// </summary>
public sealed class NodeIdentity(string id)
{
    public string Id { get; } = id;

    public static NodeIdentity Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NodeIdentity(configured.Trim());
        }
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "node-id");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } existing)
        {
            return new NodeIdentity(existing);
        }
        var id = $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}";
        File.WriteAllText(file, id);
        return new NodeIdentity(id);
    }
}

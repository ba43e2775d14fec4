namespace DomainFlow.Store;

/// <summary>Which database to use. Bound from the "Store" configuration section.</summary>
public sealed class StoreOptions
{
    /// <summary>"sqlite" (default, embedded) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>For postgres: an Npgsql connection string. For sqlite: optional; defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded database and node identity.</summary>
    public string DataDirectory { get; set; } = "data";
}

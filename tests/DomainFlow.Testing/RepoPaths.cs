namespace DomainFlow.Testing;

/// <summary>Locates the repository and the built `domainflow` executable from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The server assembly built in the same configuration as the tests (Debug or Release).</summary>
    public static string ServerDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(Root, "src", "DomainFlow.Server", "bin", configuration, "net10.0", "domainflow.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first: {dll} is missing.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DomainFlow.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("DomainFlow.slnx not found above " + AppContext.BaseDirectory);
    }
}

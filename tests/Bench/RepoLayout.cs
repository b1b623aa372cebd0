namespace ConnectAddon.Bench;

/// <summary>
/// Where the app is: the repository root (the folder holding ConnectAddon.sln) and the app's build output for the
/// same configuration and target framework this benchmark was built with (bin/&lt;Configuration&gt;/&lt;tfm&gt;).
/// </summary>
public sealed record RepoLayout(string Root, string AddonProjectDirectory, string AddonDll, string Configuration)
{
    public static RepoLayout Find()
    {
        var baseDirectory = Path.GetFullPath(AppContext.BaseDirectory);
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ConnectAddon.sln")))
            root = root.Parent;
        if (root is null)
            throw new BenchmarkFailedException($"No ConnectAddon.sln above {baseDirectory}: run the benchmark from its build output in the repository.");

        // This assembly runs from tests/Bench/bin/<Configuration>/<tfm>/; the app was built into addon/bin/<Configuration>/<tfm>/.
        var benchBin = Path.Combine(root.FullName, "tests", "Bench", "bin");
        var outputPath = Path.GetRelativePath(benchBin, baseDirectory);
        if (outputPath.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(outputPath))
            outputPath = Path.Combine(BuiltConfiguration, new DirectoryInfo(baseDirectory).Name);

        var addonDirectory = Path.Combine(root.FullName, "addon");
        var dll = Path.Combine(addonDirectory, "bin", outputPath, "Addon.dll");
        if (!File.Exists(dll))
            throw new BenchmarkFailedException($"The app is not built at {dll}; build it with the benchmark (dotnet run -c Release --project tests/Bench).");
        var configuration = outputPath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return new RepoLayout(root.FullName, addonDirectory, dll, configuration);
    }

#if DEBUG
    private const string BuiltConfiguration = "Debug";
#else
    private const string BuiltConfiguration = "Release";
#endif
}

namespace ConnectAddon.TestKit;

/// <summary>Where things are in the repository, found from the running program's folder.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of the running program (bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The app's project folder (addon/), holding its appsettings.json.</summary>
    public static string AddonProjectDirectory => Path.Combine(Root, "addon");

    /// <summary>The app's build output in the same configuration; a project that runs it references addon/Addon.csproj so it is built.</summary>
    public static string AddonDll
    {
        get
        {
            var dll = Path.Combine(AddonProjectDirectory, "bin", Configuration, "net10.0", "Addon.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The app is not built at {dll}.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ConnectAddon.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ConnectAddon.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace ConnectAddon.Tests.Support;

/// <summary>Atlassian's published specifications in <c>../shared/reference/</c>, beside the repository.</summary>
public static class Reference
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string File(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", name));
        if (!System.IO.File.Exists(path))
            Assert.Fail($"The reference file {path} is missing: the repository expects ../shared/reference beside it.");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ConnectAddon.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ConnectAddon.sln not found above " + AppContext.BaseDirectory);
    }
}

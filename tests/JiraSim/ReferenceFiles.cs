namespace JiraSim;

/// <summary>Atlassian's specifications in <c>shared/reference/</c> beside the repository (found from the running program's folder).</summary>
public static class ReferenceFiles
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference", name);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"shared/reference/{name} was not found above {AppContext.BaseDirectory}.");
    }
}

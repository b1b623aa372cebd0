using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Support;

/// <summary>Atlassian's published specifications in <c>../shared/reference/</c>, beside the repository.</summary>
public static class Reference
{
    public static string File(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "reference", name));
        if (!System.IO.File.Exists(path))
            Assert.Fail($"The reference file {path} is missing: the repository expects ../shared/reference beside it.");
        return path;
    }
}

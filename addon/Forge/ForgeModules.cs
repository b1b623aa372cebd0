namespace ConnectAddon.Forge;

/// <summary>The module keys of manifest.yml the back end tells apart (ManifestTests keeps them in step with the file).</summary>
public static class ForgeModules
{
    /// <summary>The trigger of <c>avi:forge:installed:app</c> and <c>avi:forge:upgraded:app</c>.</summary>
    public const string Installation = "installation";

    /// <summary>The trigger of the issue, comment and attachment events.</summary>
    public const string IssueChanges = "issue-changes";

    /// <summary>The hourly scheduled trigger.</summary>
    public const string Schedule = "token-and-catch-up";

    /// <summary>
    /// Whether a call from this module proves the app is installed now, so that an installation this node was told is
    /// gone is taken up again: the installed/upgraded events, and a page a user has open. A late event or schedule for
    /// it does not.
    /// </summary>
    public static bool ProvesInstallation(string? moduleType, string? moduleKey) =>
        moduleKey == Installation || moduleType?.StartsWith("jira:", StringComparison.Ordinal) == true;
}

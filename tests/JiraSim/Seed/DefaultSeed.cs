namespace JiraSim.Seed;

/// <summary>
/// Three sites that differ the way partners' Jiras do: site-b has no Story type and its project sets no default
/// type, so the sync's issue-type fallbacks have something to fall back on; site-dc is site-b as a self-hosted
/// Jira Data Center 9.12 (REST v2, usernames, passwords and personal access tokens, Europe/Berlin).
/// </summary>
public static class DefaultSeed
{
    public const string AdminToken = "admin-api-token";
    public const string AdminPat = "admin-personal-access-token";
    public const string UserToken = "user-api-token";
    /// <summary>site-dc's user's personal access token (the admin's is <see cref="AdminPat"/>).</summary>
    public const string UserPat = "user-personal-access-token";
    /// <summary>site-dc's passwords, for basic authentication with the usernames <c>admin</c>, <c>user</c> and <c>viewer</c>.</summary>
    public const string AdminPassword = "admin-password";
    public const string UserPassword = "user-password";
    public const string DataCenterSite = "site-dc";

    public static SeedDocument Create() => new([
        new SeedSite("site-a", "Acme (site A)",
            Users("a"),
            [new SeedProject("10000", "ACME", "Acme Support", [
                new("10001", "Task"), new("10002", "Bug"), new("10003", "Story"), new("10004", "Epic", 1), new("10005", "Subtask", -1)],
                DefaultIssueType: "Task")]),
        new SeedSite("site-b", "Globex (site B)",
            Users("b"),
            [Globex()]),
        new SeedSite(DataCenterSite, "Globex (Data Center)",
            DataCenterUsers(),
            [Globex()],
            Deployment: "dataCenter", Version: "9.12.15", TimeZone: "Europe/Berlin"),
    ]);

    private static SeedProject Globex() => new("20000", "GLX", "Globex Engineering", [
        new("20001", "Task"), new("20002", "Bug"), new("20004", "Epic", 1), new("20005", "Sub-task", -1)]);

    private static SeedUser[] Users(string site) =>
    [
        new($"557058:{site}-admin", $"Ada Admin ({site.ToUpperInvariant()})", $"admin@{site}.example", Admin: true,
            ApiTokens: [AdminToken], PersonalAccessTokens: [AdminPat]),
        new($"557058:{site}-user", $"Uma User ({site.ToUpperInvariant()})", $"user@{site}.example", ApiTokens: [UserToken]),
        // Sees every project but may edit nothing (a viewer's project role): the permission check says so.
        new($"557058:{site}-viewer", $"Vera Viewer ({site.ToUpperInvariant()})", $"viewer@{site}.example", ApiTokens: [UserToken], ReadOnly: true),
    ];

    // Data Center users have no accountId: a username and a user key (JIRAUSER + the user's id since Jira 8.3).
    private static SeedUser[] DataCenterUsers() =>
    [
        new(null, "Ada Admin (DC)", "admin@dc.example", Admin: true, PersonalAccessTokens: [AdminPat],
            Name: "admin", Key: "JIRAUSER10000", Password: AdminPassword),
        new(null, "Uma User (DC)", "user@dc.example", PersonalAccessTokens: [UserPat],
            Name: "user", Key: "JIRAUSER10100", Password: UserPassword),
        new(null, "Vera Viewer (DC)", "viewer@dc.example", ReadOnly: true,
            Name: "viewer", Key: "JIRAUSER10200", Password: UserPassword),
    ];
}

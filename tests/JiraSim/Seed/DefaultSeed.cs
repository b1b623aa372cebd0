namespace JiraSim.Seed;

/// <summary>
/// Two sites that differ the way partners' Jiras do: site-b has no Story type and its project sets no default
/// type, so the sync's issue-type fallbacks have something to fall back on.
/// </summary>
public static class DefaultSeed
{
    public const string AdminToken = "admin-api-token";
    public const string AdminPat = "admin-personal-access-token";
    public const string UserToken = "user-api-token";

    public static SeedDocument Create() => new([
        new SeedSite("site-a", "Acme (site A)",
            Users("a"),
            [new SeedProject("10000", "ACME", "Acme Support", [
                new("10001", "Task"), new("10002", "Bug"), new("10003", "Story"), new("10004", "Epic", 1), new("10005", "Subtask", -1)],
                DefaultIssueType: "Task")]),
        new SeedSite("site-b", "Globex (site B)",
            Users("b"),
            [new SeedProject("20000", "GLX", "Globex Engineering", [
                new("20001", "Task"), new("20002", "Bug"), new("20004", "Epic", 1), new("20005", "Sub-task", -1)])]),
    ]);

    private static SeedUser[] Users(string site) =>
    [
        new($"557058:{site}-admin", $"Ada Admin ({site.ToUpperInvariant()})", $"admin@{site}.example", Admin: true,
            ApiTokens: [AdminToken], PersonalAccessTokens: [AdminPat]),
        new($"557058:{site}-user", $"Uma User ({site.ToUpperInvariant()})", $"user@{site}.example", ApiTokens: [UserToken]),
        // Sees every project but may edit nothing (a viewer's project role): the permission check says so.
        new($"557058:{site}-viewer", $"Vera Viewer ({site.ToUpperInvariant()})", $"viewer@{site}.example", ApiTokens: [UserToken], ReadOnly: true),
    ];
}

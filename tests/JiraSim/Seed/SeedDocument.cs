using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSim.Seed;

/// <summary>
/// The seed file: which sites the simulator serves and what each holds at start. Documented in tests/JiraSim/README.md.
/// </summary>
public sealed record SeedDocument(IReadOnlyList<SeedSite> Sites)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static SeedDocument Load(string path) =>
        JsonSerializer.Deserialize<SeedDocument>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no seed document.");
}

/// <param name="Deployment">"cloud" (default) or "dataCenter".</param>
/// <param name="Version">A Data Center site's Jira version (default 9.12.15).</param>
/// <param name="TimeZone">A Data Center site's time zone, an IANA id (default Europe/Berlin); Cloud sites are UTC.</param>
/// <param name="BasicAuth">A Data Center site's "Allow basic authentication on API calls" (default true).</param>
public sealed record SeedSite(
    string Key, string? Name, IReadOnlyList<SeedUser> Users, IReadOnlyList<SeedProject> Projects,
    string? Deployment = null, string? Version = null, string? TimeZone = null, bool BasicAuth = true);

/// <param name="AccountId">A Cloud user's account id; a Data Center user without one is known by its <paramref name="Key"/>.</param>
/// <param name="ReadOnly">Browse Projects but no Edit Issues on every project (<see cref="Model.SimUser.IsReadOnly"/>).</param>
/// <param name="Name">Data Center: the username.</param>
/// <param name="Key">Data Center: the user key (e.g. JIRAUSER10100).</param>
/// <param name="Password">Data Center: the password for basic authentication with the username.</param>
public sealed record SeedUser(
    string? AccountId, string DisplayName, string? Email = null, bool Admin = false,
    IReadOnlyList<string>? ApiTokens = null, IReadOnlyList<string>? PersonalAccessTokens = null, bool ReadOnly = false,
    string? Name = null, string? Key = null, string? Password = null);

public sealed record SeedProject(string Id, string Key, string Name, IReadOnlyList<SeedIssueType> IssueTypes, string? DefaultIssueType = null);

/// <param name="HierarchyLevel">-1 subtask, 0 standard, 1 epic.</param>
public sealed record SeedIssueType(string Id, string Name, int HierarchyLevel = 0);

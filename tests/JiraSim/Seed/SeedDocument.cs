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

public sealed record SeedSite(string Key, string? Name, IReadOnlyList<SeedUser> Users, IReadOnlyList<SeedProject> Projects);

/// <param name="ReadOnly">Browse Projects but no Edit Issues on every project (<see cref="Model.SimUser.IsReadOnly"/>).</param>
public sealed record SeedUser(
    string AccountId, string DisplayName, string? Email = null, bool Admin = false,
    IReadOnlyList<string>? ApiTokens = null, IReadOnlyList<string>? PersonalAccessTokens = null, bool ReadOnly = false);

public sealed record SeedProject(string Id, string Key, string Name, IReadOnlyList<SeedIssueType> IssueTypes, string? DefaultIssueType = null);

/// <param name="HierarchyLevel">-1 subtask, 0 standard, 1 epic.</param>
public sealed record SeedIssueType(string Id, string Name, int HierarchyLevel = 0);

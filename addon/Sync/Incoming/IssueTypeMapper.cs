using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Model;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// The issue type of the peer's issue, by name, in this side's project (DESIGN §1, §7). Epics, sub-task types (Basic
/// mode carries no parents) and names this project does not have fall back to the project's default issue type where
/// this side may read it (<see cref="JiraClient.GetDefaultIssueTypeAsync"/>: a private node on Jira Cloud whose user is
/// a Jira admin; the app in Jira has no ADMIN scope, and Data Center does not say), else Task, else the first standard
/// type of the project. The project's types and default are cached for a few minutes.
/// </summary>
public sealed class IssueTypeMapper(TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    public const string Fallback = "Task";

    public const int CacheCapacity = 1_000;

    private readonly BoundedCache<string, (IReadOnlyList<JiraIssueType> Types, string? DefaultId)> cache = new(CacheCapacity, CacheLifetime, clock, StringComparer.Ordinal);

    public async Task<JiraResult<JiraIssueType>> MapAsync(JiraClient client, string siteKey, string projectId, ReplicaIssueType incoming, CancellationToken cancel)
    {
        var key = siteKey + "|" + projectId;
        if (!cache.TryGet(key, out var project))
        {
            if (!long.TryParse(projectId, out var id))
                return new JiraError { Kind = JiraErrorKind.BadRequest, Message = $"The project id '{projectId}' is not a number." };
            var asked = clock.GetUtcNow();
            var read = await client.GetIssueTypesForProjectAsync(id, cancel);
            if (!read.IsSuccess)
                return read.Error;
            var defaultId = await client.GetDefaultIssueTypeAsync(id, cancel);
            if (!defaultId.IsSuccess)
                return defaultId.Error;
            project = (read.Value!, defaultId.Value.Id);
            cache.Set(key, project, asked);
        }
        var (types, projectDefault) = project;
        var standard = types.Where(t => t.Subtask != true && (t.HierarchyLevel ?? 0) == 0).ToList();
        if (standard.Count == 0)
            return new JiraError { Kind = JiraErrorKind.BadRequest, Message = "The project has no standard issue type to create issues with." };
        var isEpic = incoming.HierarchyLevel >= 1 || string.Equals(incoming.Name, "Epic", StringComparison.OrdinalIgnoreCase);
        var byName = isEpic || incoming.Subtask ? null : standard.FirstOrDefault(t => string.Equals(t.Name, incoming.Name, StringComparison.OrdinalIgnoreCase));
        return byName
               ?? standard.FirstOrDefault(t => t.Id == projectDefault)
               ?? standard.FirstOrDefault(t => string.Equals(t.Name, Fallback, StringComparison.OrdinalIgnoreCase))
               ?? standard[0];
    }
}

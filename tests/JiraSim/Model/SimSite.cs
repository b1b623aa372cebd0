using System.Text.Json.Nodes;

namespace JiraSim.Model;

/// <summary>
/// One simulated Jira site, Cloud or Data Center (<see cref="Deployment"/>): its projects, users, issues and
/// installed apps. Every read and write of its state happens under <see cref="Sync"/>, so REST handlers and test
/// code see one consistent site.
/// Changes are announced through <see cref="Changed"/> (webhooks subscribe to it).
/// </summary>
public sealed partial class SimSite(string key, Uri baseUrl, TimeProvider clock)
{
    private long nextIssueId = 10000;
    private long nextCommentId = 10000;
    private long nextAttachmentId = 10000;
    private readonly Dictionary<string, long> nextIssueNumber = new(StringComparer.Ordinal);

    public string Key { get; } = key;
    /// <summary>The site's base URL, with its path prefix (several sites share one simulator process).</summary>
    public Uri BaseUrl { get; } = baseUrl;
    public string BaseUrlText => BaseUrl.ToString().TrimEnd('/');
    public object Sync { get; } = new();
    public TimeProvider Clock { get; } = clock;

    public List<SimUser> Users { get; } = [];
    public List<SimProject> Projects { get; } = [];
    public Dictionary<string, SimIssue> Issues { get; } = new(StringComparer.Ordinal);
    /// <summary>Installed apps by app key.</summary>
    public Dictionary<string, SimApp> Apps { get; } = new(StringComparer.Ordinal);
    public RequestCounter Requests { get; } = new();
    public Limits Limits { get; set; } = new();

    /// <summary>Cloud (default) or Data Center: which REST API, users, bodies and authentication the site plays.</summary>
    public SimDeployment Deployment { get; init; } = SimDeployment.Cloud;
    public bool IsDataCenter => Deployment == SimDeployment.DataCenter;
    /// <summary>A Data Center site's Jira version, as its serverInfo reports it.</summary>
    public string Version { get; init; } = "9.12.15";
    /// <summary>
    /// The zone JQL dates are read in and timestamps rendered in. Cloud sites: UTC (every simulated Cloud user's zone);
    /// Data Center sites: the server's default user time zone.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    /// <summary>Data Center only: whether HTTP basic with username and password is allowed on REST calls.</summary>
    public bool BasicAuth { get; init; } = true;
    /// <summary>The REST API the site answers: <c>{base}/rest/api/3</c> on Cloud, <c>{base}/rest/api/2</c> on Data Center.</summary>
    public string RestUrl => BaseUrlText + (IsDataCenter ? "/rest/api/2" : "/rest/api/3");

    public event Action<SiteChange>? Changed;

    public SimUser? FindUser(string accountId) => Users.FirstOrDefault(u => u.AccountId == accountId);

    /// <summary>A Data Center user by username (case-insensitive, as Jira's user names are) or by user key.</summary>
    public SimUser? FindUserByName(string name) => Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
    public SimUser? FindUserByKey(string key) => Users.FirstOrDefault(u => u.Key == key);

    public SimProject? FindProject(string idOrKey) =>
        Projects.FirstOrDefault(p => p.Id == idOrKey || string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public SimIssue? FindIssue(string idOrKey) =>
        Issues.TryGetValue(idOrKey, out var byId) ? byId
        : Issues.Values.FirstOrDefault(i => string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public SimUser AddUser(SimUser user)
    {
        lock (Sync)
        {
            if (FindUser(user.AccountId) is not null)
                throw new InvalidOperationException($"User {user.AccountId} exists on {Key}.");
            Users.Add(user);
            return user;
        }
    }

    public SimIssue CreateIssue(SimUser actor, SimProject project, SimIssueType type, string summary, JsonNode? description, IEnumerable<string>? labels = null,
        IReadOnlyDictionary<string, JsonNode?>? properties = null, SimIssue? parent = null)
    {
        SimIssue issue;
        lock (Sync)
        {
            var now = Clock.GetUtcNow();
            var number = nextIssueNumber[project.Key] = nextIssueNumber.GetValueOrDefault(project.Key) + 1;
            issue = new SimIssue
            {
                Id = (nextIssueId++).ToString(),
                Key = $"{project.Key}-{number}",
                ProjectId = project.Id,
                IssueTypeId = type.Id,
                Summary = summary,
                Description = description?.DeepClone(),
                Labels = labels?.ToList() ?? [],
                ReporterAccountId = actor.AccountId,
                CreatorAccountId = actor.AccountId,
                Created = now,
                Updated = now,
                ParentId = parent?.Id,
            };
            // Set with the issue, as IssueUpdateDetails.properties are: no reader ever sees the issue without them.
            foreach (var (key, value) in properties ?? new Dictionary<string, JsonNode?>())
                issue.Properties[key] = value?.DeepClone();
            Issues[issue.Id] = issue;
        }
        Announce(new SiteChange("jira:issue_created", actor, issue));
        return issue;
    }

    /// <summary>Applies the given field changes; null arguments leave a field as it is. Announces an update only if something changed.</summary>
    public bool EditIssue(SimUser actor, SimIssue issue, string? summary = null, JsonNode? description = null, bool setDescription = false,
        SimIssueType? type = null, IEnumerable<string>? labels = null)
    {
        var items = new List<ChangelogItem>();
        lock (Sync)
        {
            if (summary is not null && summary != issue.Summary)
            {
                items.Add(new("summary", null, issue.Summary, null, summary));
                issue.Summary = summary;
            }
            if (setDescription && !JsonNode.DeepEquals(description, issue.Description))
            {
                items.Add(new("description", null, null, null, null));
                issue.Description = description?.DeepClone();
            }
            if (type is not null && type.Id != issue.IssueTypeId)
            {
                items.Add(new("issuetype", issue.IssueTypeId, null, type.Id, type.Name));
                issue.IssueTypeId = type.Id;
            }
            if (labels is not null)
            {
                var newLabels = labels.ToList();
                if (!newLabels.SequenceEqual(issue.Labels))
                {
                    items.Add(new("labels", null, string.Join(' ', issue.Labels), null, string.Join(' ', newLabels)));
                    issue.Labels = newLabels;
                }
            }
            if (items.Count > 0)
                issue.Updated = Clock.GetUtcNow();
        }
        if (items.Count > 0)
            Announce(new SiteChange("jira:issue_updated", actor, issue, Changelog: items));
        return items.Count > 0;
    }

    public void DeleteIssue(SimUser actor, SimIssue issue)
    {
        lock (Sync)
            Issues.Remove(issue.Id);
        Announce(new SiteChange("jira:issue_deleted", actor, issue));
    }

    private void Announce(SiteChange change) => Changed?.Invoke(change with { At = Clock.GetUtcNow() });

    private string NextCommentId() => (nextCommentId++).ToString();
    private string NextAttachmentId() => (nextAttachmentId++).ToString();
}

using System.Globalization;
using System.Text.Json.Nodes;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Where Jira Data Center's REST v2 differs from Cloud's v3 in more than its root ("Jira Data Center REST API 9.12",
// https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/): offset-paged search, no project search or issue type
// listing by project, attachment bytes at their content URL, and rich text as wiki markup.
public sealed partial class JiraClient
{
    /// <summary>
    /// What reading <paramref name="adf"/> back will give once written: itself on Cloud; on Data Center the ADF of its
    /// wiki markup. The sync compares what it wrote with what it reads by this, so a conversion is not taken for an edit.
    /// </summary>
    public JsonNode? AsStored(JsonNode? adf) => NameMentions(JiraRichText.Read(Target.Flavour, JiraRichText.Write(Target.Flavour, adf)));

    /// <summary>POST /rest/api/2/search ("Search for issues using JQL (POST)"): <c>startAt</c> paging, its offset kept as the page token.</summary>
    private async Task<JiraResult<JiraSearchPage>> SearchDataCenterAsync(JiraSearchRequest search, CancellationToken cancellationToken)
    {
        var startAt = int.TryParse(search.NextPageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var body = new JsonObject
        {
            ["jql"] = search.Jql,
            ["startAt"] = startAt,
            ["maxResults"] = search.MaxResults ?? 50,
            // Without fields Data Center returns its navigable ones; ids only is the closest: "id" is always there.
            ["fields"] = new JsonArray([.. (search.Fields is { Count: > 0 } fields ? fields : ["id"]).Select(f => (JsonNode)f)]),
        };
        if (search.Properties is { Count: > 0 } properties)
            body["properties"] = new JsonArray([.. properties.Select(p => (JsonNode)p)]);
        var request = NewRequest(HttpMethod.Post, Rest + "search", JiraJson.Bytes(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())));
        request.Options.Set(JiraRequestOptions.ReadOnly, true);
        var page = await ReadAsync<DataCenterSearchPage>(request, cancellationToken);
        if (!page.IsSuccess)
            return page.Error;
        var issues = new List<JiraIssue>(page.Value.Issues.Count);
        foreach (var issue in page.Value.Issues)
            issues.Add(await FromDataCenterAsync(issue, cancellationToken));
        var next = page.Value.StartAt + issues.Count;
        var last = issues.Count == 0 || next >= page.Value.Total;
        return new JiraSearchPage { Issues = issues, NextPageToken = last ? null : next.ToString(CultureInfo.InvariantCulture), IsLast = last };
    }

    /// <summary>
    /// A project's issue types from the project itself (GET /rest/api/2/project/{id}). Data Center's types carry no
    /// hierarchy level: a sub-task type says <c>subtask</c>, and Jira Software's epic type is the one named Epic.
    /// </summary>
    private async Task<JiraResult<IReadOnlyList<JiraIssueType>>> IssueTypesOfDataCenterProjectAsync(long projectId, CancellationToken cancellationToken)
    {
        var project = await GetProjectAsync(projectId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (!project.IsSuccess)
            return project.Error;
        return JiraResult<IReadOnlyList<JiraIssueType>>.Success((project.Value.IssueTypes ?? []).Select(t => t with
        {
            HierarchyLevel = t.HierarchyLevel ?? (t.Subtask == true ? -1 : string.Equals(t.Name, "Epic", StringComparison.OrdinalIgnoreCase) ? 1 : 0),
        }).ToList());
    }

    /// <summary>
    /// Data Center lists every visible project at once (GET /rest/api/2/project); the page is made here, matching key
    /// or name case-insensitively as Cloud's project search does.
    /// </summary>
    private async Task<JiraResult<JiraProjectPage>> SearchDataCenterProjectsAsync(string? query, int startAt, int maxResults, CancellationToken cancellationToken)
    {
        var all = await ReadAsync<List<JiraProject>>(NewRequest(HttpMethod.Get, Rest + "project"), cancellationToken);
        if (!all.IsSuccess)
            return all.Error;
        var matching = all.Value.Where(p => string.IsNullOrWhiteSpace(query)
            || (p.Key?.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
            || (p.Name?.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)).ToList();
        var values = matching.Skip(startAt).Take(maxResults).ToList();
        return new JiraProjectPage
        {
            StartAt = startAt, MaxResults = maxResults, Total = matching.Count, Values = values,
            IsLast = startAt + values.Count >= matching.Count,
        };
    }

    /// <summary>An issue as the rest of the app reads one: rich text as ADF, comments' bodies too, mentions by the person's name.</summary>
    private async Task<JiraIssue> FromDataCenterAsync(JiraIssue issue, CancellationToken cancellationToken)
    {
        if (!IsDataCenter)
            return issue;
        var fields = (JsonObject)issue.Fields.DeepClone();
        var bodies = new List<(JsonObject Holder, string Name)>();
        if (fields.ContainsKey("description"))
            bodies.Add((fields, "description"));
        if (fields["comment"]?["comments"] is JsonArray comments)
            bodies.AddRange(comments.OfType<JsonObject>().Select(c => (c, "body")));
        foreach (var (holder, name) in bodies)
            holder[name] = JiraRichText.Read(Target.Flavour, holder[name]);
        await LearnNamesAsync(bodies.Select(b => b.Holder[b.Name]), cancellationToken);
        foreach (var (holder, name) in bodies)
            holder[name] = NameMentions(holder[name]);
        return issue with { Fields = fields };
    }

    private async Task<JiraComment> FromDataCenterAsync(JiraComment comment, CancellationToken cancellationToken)
    {
        if (!IsDataCenter)
            return comment;
        var body = JiraRichText.Read(Target.Flavour, comment.Body);
        await LearnNamesAsync([body], cancellationToken);
        return comment with { Body = NameMentions(body) };
    }

    /// <summary>
    /// Wiki markup names people by username (<c>[~jsmith]</c>); a mention is shown, and goes to the partner, by the
    /// person's name, so each username not known yet is looked up once (GET /rest/api/2/user?username=…, "Get user").
    /// A username Jira does not resolve (gone, or not visible to this node's user) stays as it is.
    /// </summary>
    private async Task LearnNamesAsync(IEnumerable<JsonNode?> documents, CancellationToken cancellationToken)
    {
        var unknown = documents.SelectMany(d => Mentions(d)).Select(m => (string?)m["attrs"]?["id"])
            .OfType<string>().Where(id => id.Length > 0 && !id.Contains(':') && !people.TryGet(Target, id, out _))
            .Distinct(StringComparer.Ordinal).Take(MaxNamesPerRead).ToList();
        foreach (var username in unknown)
        {
            var user = await ReadAsync<JiraUser>(NewRequest(HttpMethod.Get, Rest + "user" + JiraPath.Query(("username", username))), cancellationToken);
            if (user.IsSuccess || user.Error.Kind is JiraErrorKind.NotFound or JiraErrorKind.Forbidden)
                people.Set(Target, username, user.IsSuccess && !string.IsNullOrWhiteSpace(user.Value.DisplayName) ? user.Value.DisplayName! : username);
        }
    }

    // A description naming more people than this is rare; the rest keep their usernames until a later read.
    private const int MaxNamesPerRead = 20;

    /// <summary>The document with each mention's text the person's name, where it is known (<see cref="JiraPeopleNames"/>).</summary>
    private JsonNode? NameMentions(JsonNode? document)
    {
        if (!IsDataCenter)
            return document;
        foreach (var mention in Mentions(document))
            if ((string?)mention["attrs"]?["id"] is { Length: > 0 } id && people.TryGet(Target, id, out var name))
                mention["attrs"]!["text"] = "@" + name;
        return document;
    }

    private static IEnumerable<JsonObject> Mentions(JsonNode? node)
    {
        if (node is not JsonObject obj)
            yield break;
        if ((string?)obj["type"] == "mention")
            yield return obj;
        if (obj["content"] is JsonArray children)
            foreach (var child in children.ToList())
                foreach (var mention in Mentions(child))
                    yield return mention;
    }

    /// <summary>The input with its rich text as this flavour takes it.</summary>
    private JiraIssueInput ForFlavour(JiraIssueInput input)
    {
        if (!IsDataCenter || !input.Fields.ContainsKey("description"))
            return input;
        var fields = (JsonObject)input.Fields.DeepClone();
        fields["description"] = JiraRichText.Write(Target.Flavour, fields["description"]);
        return input with { Fields = fields };
    }

    /// <summary>The body of Data Center's search answer (SearchResults): offset paging with a total.</summary>
    private sealed record DataCenterSearchPage
    {
        public int StartAt { get; init; }
        public int MaxResults { get; init; }
        public int Total { get; init; }
        public IReadOnlyList<JiraIssue> Issues { get; init; } = [];
    }
}

using JiraSim.Auth;

namespace JiraSim.Rest;

/// <summary>Projects and their issue types (REST v3 "Projects", "Issue types", "Issue type schemes", create metadata).</summary>
public static class ProjectEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        MapShared(api);
        MapCloud(api);
    }

    /// <summary>What a Data Center site's v2 has too: a project with its issue types, and create metadata's issue types.</summary>
    public static void MapShared(RouteGroupBuilder api)
    {
        api.MapGet("/project/{projectIdOrKey}", (string projectIdOrKey, SimCaller caller) =>
        {
            lock (caller.Site.Sync)
                return caller.Site.FindProject(projectIdOrKey) is { } project
                    ? Results.Json(SiteJson.Project(caller.Site, project, withIssueTypes: true))
                    : JiraErrors.Status(404, $"No project could be found with key '{projectIdOrKey}'.");
        });

        api.MapGet("/issue/createmeta/{projectIdOrKey}/issuetypes", CreateMetaIssueTypes);
    }

    private static void MapCloud(RouteGroupBuilder api)
    {
        api.MapGet("/project/search", (SimCaller caller, int? startAt, int? maxResults, string? query) =>
        {
            var site = caller.Site;
            lock (site.Sync)
            {
                var start = Math.Max(0, startAt ?? 0);
                var max = Math.Clamp(maxResults ?? 50, 1, 100);
                var matching = site.Projects
                    .Where(p => string.IsNullOrEmpty(query) || p.Key.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
                var page = matching.Skip(start).Take(max).Select(p => SiteJson.Project(site, p, withIssueTypes: false)).ToList();
                var isLast = start + page.Count >= matching.Count;
                return Results.Json(new
                {
                    self = $"{site.BaseUrlText}/rest/api/3/project/search?startAt={start}&maxResults={max}",
                    nextPage = isLast ? null : $"{site.BaseUrlText}/rest/api/3/project/search?startAt={start + max}&maxResults={max}",
                    maxResults = max, startAt = start, total = matching.Count, isLast, values = page,
                }, ResponseJson.OmitNulls);
            }
        });

        api.MapGet("/issuetype/project", (SimCaller caller, long? projectId) =>
        {
            lock (caller.Site.Sync)
                return projectId is { } id && caller.Site.FindProject(id.ToString()) is { } project
                    ? Results.Json(project.IssueTypes.Select(t => SiteJson.IssueType(caller.Site, t)))
                    : JiraErrors.Status(404, "The project is not found or the user does not have permission to view it.");
        });

        // The default issue type lives in the project's issue type scheme, readable only with Administer Jira
        // (DESIGN §7a); an app without the ADMIN scope is refused, as on Jira Cloud.
        api.MapGet("/issuetypescheme/project", (SimCaller caller, long? projectId) =>
        {
            if (caller.IsApp || !caller.User.IsAdmin)
                return JiraErrors.Status(403, "You must have the Administer Jira global permission.");
            lock (caller.Site.Sync)
            {
                if (projectId is not { } id || caller.Site.FindProject(id.ToString()) is not { } project)
                    return Results.Json(new { maxResults = 50, startAt = 0, total = 0, isLast = true, values = Array.Empty<object>() });
                var scheme = new
                {
                    issueTypeScheme = new { id = "1" + project.Id, name = project.Key + " issue type scheme", defaultIssueTypeId = project.DefaultIssueTypeId, isDefault = false },
                    projectIds = new[] { project.Id },
                };
                return Results.Json(new { maxResults = 50, startAt = 0, total = 1, isLast = true, values = new[] { scheme } }, ResponseJson.OmitNulls);
            }
        });
    }

    // Cloud answers {issueTypes, …}; Data Center 9.12 a page of {values, isLast, …} ("Get create issue meta project
    // issue types", REST v2 9.12), each type without hierarchyLevel.
    private static IResult CreateMetaIssueTypes(string projectIdOrKey, SimCaller caller, int? startAt, int? maxResults)
    {
        lock (caller.Site.Sync)
        {
            if (caller.Site.FindProject(projectIdOrKey) is not { } project)
                return JiraErrors.Status(404, "Project not found or no permission to create issues.");
            var start = Math.Max(0, startAt ?? 0);
            var max = Math.Clamp(maxResults ?? 50, 1, 200);
            var types = project.IssueTypes.Skip(start).Take(max).Select(t => SiteJson.IssueType(caller.Site, t)).ToList();
            if (caller.Site.IsDataCenter)
            {
                types.ForEach(t => t.Remove("avatarId"));
                return Results.Json(new { maxResults = max, startAt = start, total = project.IssueTypes.Count, isLast = start + types.Count >= project.IssueTypes.Count, values = types });
            }
            return Results.Json(new { issueTypes = types, maxResults = max, startAt = start, total = project.IssueTypes.Count });
        }
    }
}

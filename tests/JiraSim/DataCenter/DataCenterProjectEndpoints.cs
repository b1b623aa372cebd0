using JiraSim.Auth;
using JiraSim.Rest;

namespace JiraSim.DataCenter;

/// <summary>
/// <c>GET /rest/api/2/project</c> on Data Center 9.12 ("Get all projects"): every project the caller may browse, as a
/// plain array without paging (the paged <c>project/search</c> is Cloud's; 9.12 has none), ordered by name.
/// </summary>
public static class DataCenterProjectEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/project", (SimCaller caller) =>
        {
            lock (caller.Site.Sync)
                return Results.Json(caller.Site.Projects
                    .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(p => SiteJson.Project(caller.Site, p, withIssueTypes: false)).ToList());
        });
}

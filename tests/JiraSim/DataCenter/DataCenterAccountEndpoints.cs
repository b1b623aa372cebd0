using JiraSim.Auth;
using JiraSim.Rest;

namespace JiraSim.DataCenter;

/// <summary>
/// Data Center v2's user and permission reads ("Jira Server platform REST API reference" 9.12): <c>user</c> by
/// <c>username</c> or <c>key</c>, and <c>mypermissions</c>, which on Data Center answers every asked permission with
/// <c>havePermission</c> (Cloud's bulk <c>permissions/check</c> does not exist there). The scheme is Cloud's
/// (<see cref="AccountEndpoints.Holds"/>): one for every project.
/// </summary>
public static class DataCenterAccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/user", (SimCaller caller, string? username, string? key) =>
        {
            var site = caller.Site;
            if (username is null && key is null)
                return JiraErrors.BadRequest("Either the 'username' or the 'key' query parameters need to be provided");
            lock (site.Sync)
            {
                var user = username is not null ? site.FindUserByName(username) : site.FindUserByKey(key!);
                return user is null
                    ? JiraErrors.Status(404, $"The user named '{username ?? key}' does not exist")
                    : Results.Json(SiteJson.User(site, user));
            }
        });

        api.MapGet("/mypermissions", (SimCaller caller, string? projectKey, string? projectId, string? issueKey, string? issueId, string? permissions) =>
        {
            var site = caller.Site;
            lock (site.Sync)
            {
                if ((projectKey ?? projectId) is { } project && site.FindProject(project) is null)
                    return JiraErrors.Status(404, $"No project could be found with key '{project}'.");
                if ((issueKey ?? issueId) is { } issue && site.FindIssue(issue) is null)
                    return JiraErrors.IssueNotFound();
            }
            var asked = (permissions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (asked.Length == 0)
                asked = [.. AccountEndpoints.ProjectPermissions.Order(StringComparer.Ordinal)];
            if (asked.FirstOrDefault(p => !AccountEndpoints.ProjectPermissions.Contains(p) && p != "ADMINISTER") is { } unknown)
                return JiraErrors.Field(400, "permissions", $"Could not find permission for key: {unknown}");
            var answer = asked.Distinct().ToDictionary(p => p, p => new
            {
                id = PermissionIds.Of(p),
                key = p,
                name = Name(p),
                type = p == "ADMINISTER" ? "GLOBAL" : "PROJECT",
                description = $"Holders of {Name(p)}.",
                havePermission = p == "ADMINISTER" ? caller.User.IsAdmin : AccountEndpoints.Holds(caller.User, p),
            });
            return Results.Json(new { permissions = answer });
        });
    }

    private static string Name(string key) =>
        string.Join(' ', key.Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant()));
}

using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary><c>/myself</c> and the bulk permission check used for admin and issue checks (REST v3 "Myself", "Permissions").</summary>
public static class AccountEndpoints
{
    /// <summary>At most this many valid project ids, and as many issue ids, per check ("Get bulk permissions").</summary>
    public const int MaxIdsPerCheck = 1000;

    // Jira's built-in project permissions ("Built-in Jira permissions"). Anything else is unrecognised (400).
    public static readonly IReadOnlySet<string> ProjectPermissions = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADD_COMMENTS", "ADMINISTER_PROJECTS", "ASSIGN_ISSUES", "ASSIGNABLE_USER", "BROWSE_PROJECTS", "CLOSE_ISSUES",
        "CREATE_ATTACHMENTS", "CREATE_ISSUES", "DELETE_ALL_ATTACHMENTS", "DELETE_ALL_COMMENTS", "DELETE_ALL_WORKLOGS",
        "DELETE_ISSUES", "DELETE_OWN_ATTACHMENTS", "DELETE_OWN_COMMENTS", "DELETE_OWN_WORKLOGS", "EDIT_ALL_COMMENTS",
        "EDIT_ALL_WORKLOGS", "EDIT_ISSUES", "EDIT_OWN_COMMENTS", "EDIT_OWN_WORKLOGS", "LINK_ISSUES", "MANAGE_WATCHERS",
        "MODIFY_REPORTER", "MOVE_ISSUES", "RESOLVE_ISSUES", "SCHEDULE_ISSUES", "SET_ISSUE_SECURITY", "TRANSITION_ISSUES",
        "VIEW_DEV_TOOLS", "VIEW_READONLY_WORKFLOW", "VIEW_VOTERS_AND_WATCHERS", "WORK_ON_ISSUES", "WORKLOG_DELETE_ALL",
        "WORKLOG_DELETE_OWN", "WORKLOG_EDIT_ALL", "WORKLOG_EDIT_OWN",
    };

    public static void Map(RouteGroupBuilder api)
    {
        MapMyself(api);
        api.MapPost("/permissions/check", CheckPermissions);
        ServerInfo.Map(api);
    }

    /// <summary>The caller as a user: Cloud's User, Data Center's UserBean.</summary>
    public static void MapMyself(RouteGroupBuilder api) =>
        api.MapGet("/myself", (SimCaller caller) =>
        {
            lock (caller.Site.Sync)
                return Results.Json(SiteJson.User(caller.Site, caller.User));
        });

    // BulkPermissionsRequestBean → BulkPermissionGrants. Global permissions: only ADMINISTER is modelled (admins hold
    // it). Project permissions, per project and issue: everyone sees every project; read-only users hold nothing else
    // but the VIEW_* permissions; ADMINISTER_PROJECTS is for Jira admins. Apps may check any user; a person may check
    // only themself unless an admin.
    private static async Task<IResult> CheckPermissions(SimCaller caller, HttpRequest request)
    {
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        var accountId = body!["accountId"] is JsonValue id && id.TryGetValue<string>(out var given) ? given : caller.User.AccountId;
        if (accountId != caller.User.AccountId && !caller.IsApp && !caller.User.IsAdmin)
            return JiraErrors.Status(403, "You can't check permissions of other users.");
        var asked = body["globalPermissions"] is JsonArray permissions ? permissions.OfType<JsonValue>().Select(p => p.ToString()).ToList() : [];
        var (projectAsks, refusal) = ProjectAsks(body["projectPermissions"]);
        if (refusal is not null)
            return refusal;

        lock (caller.Site.Sync)
        {
            var user = caller.Site.FindUser(accountId);
            if (user is null)
                return JiraErrors.Field(400, "accountId", "The user with the account ID does not exist.");
            var granted = asked.Where(p => p is "ADMINISTER" or "USER_PICKER" ? user.IsAdmin || p == "USER_PICKER" : p == "BROWSE_USERS").Distinct().ToArray();
            return Results.Json(new { globalPermissions = granted, projectPermissions = ProjectGrants(caller.Site, user, projectAsks!) });
        }
    }

    /// <summary>The asked (permission, project ids, issue ids), merged per permission; or Jira's 400.</summary>
    private static (List<(string Permission, HashSet<long> Projects, HashSet<long> Issues)>?, IResult?) ProjectAsks(JsonNode? node)
    {
        var asks = new List<(string Permission, HashSet<long> Projects, HashSet<long> Issues)>();
        if (node is null)
            return (asks, null);
        if (node is not JsonArray entries)
            return (null, JiraErrors.Field(400, "projectPermissions", "projectPermissions must be an array."));
        foreach (var entry in entries.OfType<JsonObject>())
        {
            // Null values and empty strings are ignored, as Jira documents.
            var names = (entry["permissions"] as JsonArray ?? []).OfType<JsonValue>().Select(p => p.ToString()).Where(p => p.Length > 0).ToList();
            if (names.Count == 0)
                return (null, JiraErrors.BadRequest("At least one project permission is required."));
            if (names.FirstOrDefault(p => !ProjectPermissions.Contains(p)) is { } unknown)
                return (null, JiraErrors.Field(400, unknown, "Unrecognized permission"));
            if (!Ids(entry["projects"], out var projects) || !Ids(entry["issues"], out var issues))
                return (null, JiraErrors.BadRequest("Project and issue ids must be numbers."));
            foreach (var name in names)
            {
                var index = asks.FindIndex(a => a.Permission == name);
                if (index < 0)
                    asks.Add((name, [.. projects], [.. issues]));
                else
                {
                    asks[index].Projects.UnionWith(projects);
                    asks[index].Issues.UnionWith(issues);
                }
            }
        }
        if (asks.SelectMany(a => a.Projects).Distinct().Count() > MaxIdsPerCheck || asks.SelectMany(a => a.Issues).Distinct().Count() > MaxIdsPerCheck)
            return (null, JiraErrors.BadRequest($"You can check permissions for at most {MaxIdsPerCheck} projects and {MaxIdsPerCheck} issues."));
        return (asks, null);
    }

    private static bool Ids(JsonNode? node, out List<long> ids)
    {
        ids = [];
        foreach (var value in (node as JsonArray ?? []).OfType<JsonValue>())
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
                ids.Add(number);
            else if (value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), out var parsed))
                ids.Add(parsed);
            else
                return false;
        }
        return true;
    }

    // Ids the site does not know are ignored, as Jira ignores invalid ids: they are simply not granted.
    private static object[] ProjectGrants(SimSite site, SimUser user, List<(string Permission, HashSet<long> Projects, HashSet<long> Issues)> asks) =>
        asks.Select(ask => (object)new
        {
            permission = ask.Permission,
            issues = ask.Issues.Where(id => site.Issues.TryGetValue(id.ToString(), out var issue) && site.FindProject(issue.ProjectId) is not null && Holds(user, ask.Permission)).ToArray(),
            projects = ask.Projects.Where(id => site.FindProject(id.ToString()) is { } project && project.Id == id.ToString() && Holds(user, ask.Permission)).ToArray(),
        }).ToArray();

    /// <summary>The simulator's permission scheme, the same for every project.</summary>
    public static bool Holds(SimUser user, string permission) => permission switch
    {
        "BROWSE_PROJECTS" or "VIEW_DEV_TOOLS" or "VIEW_READONLY_WORKFLOW" or "VIEW_VOTERS_AND_WATCHERS" => true,
        "ADMINISTER_PROJECTS" => user.IsAdmin,
        _ => !user.IsReadOnly,
    };
}

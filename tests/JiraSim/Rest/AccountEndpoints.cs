using System.Text.Json.Nodes;
using JiraSim.Auth;

namespace JiraSim.Rest;

/// <summary><c>/myself</c> and the bulk permission check used for admin checks (REST v3 "Myself", "Permissions").</summary>
public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/myself", (SimCaller caller) =>
        {
            lock (caller.Site.Sync)
                return Results.Json(SiteJson.User(caller.Site, caller.User));
        });
        api.MapPost("/permissions/check", CheckPermissions);
    }

    // BulkPermissionsRequestBean → BulkPermissionGrants. Only ADMINISTER is modelled among global permissions:
    // admins hold it; apps may check any user; a person may check only themself.
    private static async Task<IResult> CheckPermissions(SimCaller caller, HttpRequest request)
    {
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        var accountId = body!["accountId"]?.GetValue<string>() ?? caller.User.AccountId;
        if (accountId != caller.User.AccountId && caller.App is null && !caller.User.IsAdmin)
            return JiraErrors.Status(403, "You can't check permissions of other users.");
        var asked = body["globalPermissions"] is JsonArray permissions ? permissions.Select(p => p!.GetValue<string>()).ToList() : [];
        bool isAdmin;
        lock (caller.Site.Sync)
        {
            var user = caller.Site.FindUser(accountId);
            if (user is null)
                return JiraErrors.Field(400, "accountId", "The user with the account ID does not exist.");
            isAdmin = user.IsAdmin;
        }
        var granted = asked.Where(p => p is "ADMINISTER" or "USER_PICKER" ? isAdmin || p == "USER_PICKER" : p == "BROWSE_USERS").ToArray();
        return Results.Json(new { globalPermissions = granted, projectPermissions = Array.Empty<object>() });
    }
}

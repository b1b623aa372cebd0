namespace JiraSim.DataCenter;

/// <summary>
/// The ids Jira Data Center gives its built-in permissions in <c>mypermissions</c>: the legacy numeric ids of its
/// Java API's <c>com.atlassian.jira.security.Permissions</c> constants (BROWSE 10, CREATE_ISSUE 11, EDIT_ISSUE 12, …;
/// ADMINISTER, the global permission, 0). Cloud's worklog permission keys, which the table does not know, get ids from 100, stable per key.
/// </summary>
public static class PermissionIds
{
    private static readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal)
    {
        ["ADMINISTER"] = 0, ["BROWSE_PROJECTS"] = 10, ["CREATE_ISSUES"] = 11, ["EDIT_ISSUES"] = 12, ["ASSIGN_ISSUES"] = 13,
        ["RESOLVE_ISSUES"] = 14, ["ADD_COMMENTS"] = 15, ["DELETE_ISSUES"] = 16, ["ASSIGNABLE_USER"] = 17, ["CLOSE_ISSUES"] = 18,
        ["CREATE_ATTACHMENTS"] = 19, ["WORK_ON_ISSUES"] = 20, ["LINK_ISSUES"] = 21, ["ADMINISTER_PROJECTS"] = 23,
        ["MOVE_ISSUES"] = 25, ["SET_ISSUE_SECURITY"] = 26, ["SCHEDULE_ISSUES"] = 28, ["VIEW_DEV_TOOLS"] = 29,
        ["MODIFY_REPORTER"] = 30, ["VIEW_VOTERS_AND_WATCHERS"] = 31, ["MANAGE_WATCHERS"] = 32, ["EDIT_ALL_COMMENTS"] = 34,
        ["EDIT_OWN_COMMENTS"] = 35, ["DELETE_ALL_COMMENTS"] = 36, ["DELETE_OWN_COMMENTS"] = 37, ["DELETE_ALL_ATTACHMENTS"] = 38,
        ["DELETE_OWN_ATTACHMENTS"] = 39, ["EDIT_OWN_WORKLOGS"] = 40, ["EDIT_ALL_WORKLOGS"] = 41, ["DELETE_OWN_WORKLOGS"] = 42,
        ["DELETE_ALL_WORKLOGS"] = 43, ["VIEW_READONLY_WORKFLOW"] = 45, ["TRANSITION_ISSUES"] = 46,
    };

    public static string Of(string key) =>
        (Ids.TryGetValue(key, out var id) ? id : 100 + Rest.AccountEndpoints.ProjectPermissions.Order(StringComparer.Ordinal).ToList().IndexOf(key)).ToString();
}

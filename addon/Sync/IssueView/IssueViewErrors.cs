using ConnectAddon.Hosting;

namespace ConnectAddon.Sync.IssueView;

/// <summary>The refusals of the issue view's API (Sync/README.md "Issue view"), besides the shared ones of <see cref="Connections.ConnectionErrors"/>.</summary>
public static class IssueViewErrors
{
    public static ApiError NoUser() => new(StatusCodes.Status403Forbidden, "missing_permission",
        "The token names no user (no 'sub' claim), so nobody's permissions can be checked.");

    public static ApiError CannotSee() => new(StatusCodes.Status403Forbidden, "missing_permission",
        "You need the Browse Projects permission (BROWSE_PROJECTS) on this issue to see its sync status.");

    public static ApiError CannotEdit(string action) => new(StatusCodes.Status403Forbidden, "missing_permission",
        $"You need the Edit Issues permission (EDIT_ISSUES) on this issue to {action}. Ask a project administrator for it.");

    public static ApiError BadIssueId(string issueId) => ApiError.BadRequest(
        $"'{Shorten(issueId)}' is not an issue id: the issue view calls this API with Jira's numeric issue id.");

    public static ApiError ConnectionPending() => new(StatusCodes.Status409Conflict, "connection_pending",
        "The invitation of this connection has not been accepted yet; nothing can sync before it is.");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

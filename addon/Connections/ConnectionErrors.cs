using ConnectAddon.Hosting;

namespace ConnectAddon.Connections;

/// <summary>The refusals of the admin API and the invitation routes, with the codes Connections/README.md names.</summary>
public static class ConnectionErrors
{
    public static ApiError NotJiraAdmin(string message) => new(StatusCodes.Status403Forbidden, "not_jira_admin", message);

    public static ApiError JiraUnavailable(string whatFor) => new(StatusCodes.Status503ServiceUnavailable, "jira_unavailable",
        $"Jira did not answer when asked {whatFor}; nothing was changed. Try again in a moment.");

    public static ApiError ConnectionNotFound() => new(StatusCodes.Status404NotFound, "connection_not_found",
        "There is no such connection on this Jira site.");

    public static ApiError InvitationNotValid(string message) => new(StatusCodes.Status409Conflict, "invitation_not_valid", message);

    public static ApiError WrongStatus(string status, string action) => new(StatusCodes.Status409Conflict, "connection_status",
        $"The connection is {status}; it cannot be {action} now.");

    public static ApiError ProjectNotFound(string projectId) => new(StatusCodes.Status400BadRequest, "project_not_found",
        $"There is no project with id '{projectId}' on this Jira site that the app can see.");

    public static ApiError InvitationNotFound() => new(StatusCodes.Status404NotFound, "invitation_not_found",
        "No invitation matches this connection id and secret. Check that the whole code was copied.");

    public static ApiError InvitationExpired() => new(StatusCodes.Status410Gone, "invitation_expired",
        "The invitation has expired. Ask the inviting Jira admin for a new code.");

    public static ApiError InvitationRevoked() => new(StatusCodes.Status410Gone, "invitation_revoked",
        "The invitation was revoked on the inviting Jira site. Ask its Jira admin for a new code.");

    public static ApiError InvitationUsed() => new(StatusCodes.Status409Conflict, "invitation_used",
        "The invitation has already been accepted by another node.");
}

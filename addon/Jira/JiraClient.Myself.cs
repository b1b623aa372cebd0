using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// The caller ("Jira REST API v3: Myself"): for a Connect tenant the app's own user, for a private node its account.
public sealed partial class JiraClient
{
    /// <summary>Who the requests run as: its accountId lets the sync recognise its own writes quickly.</summary>
    public Task<JiraResult<JiraUser>> GetMyselfAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<JiraUser>(NewRequest(HttpMethod.Get, Rest + "myself"), cancellationToken);
}

using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// The site itself ("Jira REST API v3: Server info"): no scope needed.
public sealed partial class JiraClient
{
    /// <summary>The site's base URL, version and kind: a Forge installation learns its site's address from it.</summary>
    public Task<JiraResult<JiraServerInfo>> GetServerInfoAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<JiraServerInfo>(NewRequest(HttpMethod.Get, Rest + "serverInfo"), cancellationToken);
}

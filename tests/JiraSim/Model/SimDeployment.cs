namespace JiraSim.Model;

/// <summary>
/// Which Jira a site plays: Jira Cloud (REST v3, accountIds, ADF, Connect and Forge) or a self-hosted Jira Data
/// Center (REST v2 only, usernames and user keys, wiki markup, PATs and passwords, the server's time zone).
/// </summary>
public enum SimDeployment
{
    Cloud,
    DataCenter,
}

namespace ConnectAddon.Jira.Models;

/// <summary>The site as <c>GET /rest/api/3/serverInfo</c> describes it (the ServerInfo schema): its address among others.</summary>
public sealed record JiraServerInfo
{
    public string? BaseUrl { get; init; }
    public string? Version { get; init; }
    public string? DeploymentType { get; init; }
    public string? ServerTitle { get; init; }
}

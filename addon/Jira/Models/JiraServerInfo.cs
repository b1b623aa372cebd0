namespace ConnectAddon.Jira.Models;

/// <summary>
/// The site as <c>GET /rest/api/{2,3}/serverInfo</c> describes it (the ServerInfo schema): its address, and which Jira
/// it is (<see cref="DeploymentType"/> Cloud, Server or DataCenter, with <see cref="VersionNumbers"/>).
/// </summary>
public sealed record JiraServerInfo
{
    public string? BaseUrl { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<int>? VersionNumbers { get; init; }
    public string? DeploymentType { get; init; }
    public string? ServerTitle { get; init; }
}

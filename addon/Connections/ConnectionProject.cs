namespace ConnectAddon.Connections;

/// <summary>The local Jira project a connection receives incoming issues into, as it was when chosen.</summary>
public sealed record ConnectionProject(string Id, string Key, string Name);

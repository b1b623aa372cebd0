namespace ConnectAddon.Hosting;

/// <summary>What this deployment is: a Connect app that Jira Cloud sites install, or a node inside a private network.</summary>
public enum NodeRole
{
    Public,
    Private,
}

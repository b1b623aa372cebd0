namespace JiraSim.Jql;

/// <summary>The fields the simulator can search on; <see cref="JqlFields"/> maps JQL names and aliases to them.</summary>
public enum JqlField
{
    Project,
    /// <summary>"issueKey", with the aliases key, id and issue: each takes an issue key or an issue id ("JQL: fields").</summary>
    IssueKey,
    IssueType,
    Labels,
    Created,
    Updated,
    Summary,
}

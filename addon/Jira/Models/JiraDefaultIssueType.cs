namespace ConnectAddon.Jira.Models;

/// <summary>A project's default issue type as far as the caller may know it: <see cref="Id"/> null when Jira does not say or may not be asked.</summary>
public sealed record JiraDefaultIssueType(string? Id);

namespace ConnectAddon.Sync.Capture;

/// <summary>One change of one issue as a poll saw it: the issue and its <c>updated</c> on Jira's clock.</summary>
public sealed record DetectedChange(string IssueId, string? IssueKey, DateTimeOffset Updated);

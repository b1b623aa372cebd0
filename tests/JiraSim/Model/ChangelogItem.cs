namespace JiraSim.Model;

/// <summary>One item of a <c>jira:issue_updated</c> changelog (field, from, to), as webhooks carry it.</summary>
public sealed record ChangelogItem(string Field, string? From, string? FromString, string? To, string? ToString_);

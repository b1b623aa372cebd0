namespace ConnectAddon.Jira.Quota;

/// <summary>A Jira site's calls wait until <see cref="Until"/>, because Jira said its quota (<see cref="Reason"/>) is spent.</summary>
public sealed record QuotaPause(string SiteKey, DateTimeOffset Until, string Reason);

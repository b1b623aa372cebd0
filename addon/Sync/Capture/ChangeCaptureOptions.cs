namespace ConnectAddon.Sync.Capture;

/// <summary>
/// How the private node polls its Jira for changes, bound to the <c>PrivateNode</c> section beside
/// <see cref="PrivateConsole.Settings.PrivateNodeOptions"/> (Sync/README.md lists the keys).
/// </summary>
public sealed class ChangeCaptureOptions
{
    public const string Section = "PrivateNode";

    /// <summary>Between two JQL polls of one connection's project while Jira answers.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far before the cursor each poll asks again: covers the difference between this node's clock and Jira's
    /// (only the first position is taken from ours) and search results that lag recent writes.
    /// </summary>
    public TimeSpan ChangeOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait after Jira failed repeatedly; waits grow from <see cref="PollInterval"/> with jitter.</summary>
    public TimeSpan MaxPollBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Issues per search page; Jira returns at most 100 when fields are asked for.</summary>
    public int CapturePageSize { get; set; } = 100;

    /// <summary>Why the section could not be bound (a value that is no TimeSpan or number), reported by the validator instead of thrown.</summary>
    internal string? BindingProblem { get; set; }
}

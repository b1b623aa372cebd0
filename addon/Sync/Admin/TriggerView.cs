using ConnectAddon.Sync.Triggers;

namespace ConnectAddon.Sync.Admin;

/// <summary>A trigger with its last bulk run: running, how many issues matched, when it finished, what failed.</summary>
public sealed record TriggerView(string Id, string Jql, bool Active, bool BulkRunning, long? BulkMatched, long? BulkStartedAtMs, long? BulkFinishedAtMs, string? BulkError)
{
    public static TriggerView Of(SyncTrigger trigger) =>
        new(trigger.Id, trigger.Jql, trigger.Active, trigger.BulkRunning, trigger.BulkMatched, trigger.BulkStartedAtMs, trigger.BulkFinishedAtMs, trigger.BulkError);
}

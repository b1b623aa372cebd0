using ConnectAddon.Sync.Errors;

namespace ConnectAddon.Sync.Admin;

/// <summary>The Sync queue and Errors views of one connection: queue depths each way, the synced issues, triggers, errors.</summary>
public sealed record SyncOverview(
    string ConnectionId,
    long QueuedForPeer,
    long WaitingToApply,
    long ChangedIssuesToRead,
    IReadOnlyList<TwinView> Issues,
    IReadOnlyList<TriggerView> Triggers,
    IReadOnlyList<SyncError> Errors);

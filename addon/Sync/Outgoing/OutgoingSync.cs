using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Storage;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Model;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;
using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// One claimed dirty issue, end to end (DESIGN §3 step 2): which connections it is under sync in (or a trigger brings it
/// under now), one read from Jira, then per connection the replica, compared field by field with what both sides last
/// agreed on; a replica that differs is queued in the same transaction that records it as sent. An echo of the sync's
/// own write compares equal and costs that one read, nothing else.
/// </summary>
public sealed class OutgoingSync(
    SyncConnections connections,
    TwinStore twins,
    TriggerStore triggers,
    LocalTracker trackers,
    AttachmentSharing sharing,
    Outbox outbox,
    ExchangeSignal exchange,
    Database database,
    SyncErrorStore errors,
    TimeProvider clock,
    ILogger<OutgoingSync> logger)
{
    /// <summary>Null when done; otherwise how long to wait before this issue is tried again.</summary>
    public async Task<TimeSpan?> ProcessAsync(DirtyIssue dirty, CancellationToken cancel)
    {
        IReadOnlyList<Connection> candidates = dirty.ClientKey is not null
            ? await connections.OfTenantAsync(dirty.ClientKey, cancel)
            : await connections.FindAsync(dirty.ConnectionId!, cancel) is { } one ? [one] : [];
        if (candidates.Count == 0 || await trackers.ForAsync(candidates[0], cancel) is not { } site)
            return null;

        var synced = new List<(Connection Connection, Twin Twin)>();
        foreach (var connection in candidates)
        {
            var twin = await twins.FindByLocalAsync(connection.Id, dirty.IssueId, cancel);
            if (twin is not { IsStopped: false })
            {
                var match = await TriggerMatcher.MatchesAsync(site.Client, dirty.IssueId, await triggers.ListAsync(connection.Id, cancel), cancel);
                if (!match.IsSuccess)
                    return await FailedAsync(connection, dirty, $"Checking the triggers failed: {match.Error}", cancel);
                if (!match.Value)
                    continue;
                await twins.BringUnderSyncAsync(connection.Id, dirty.IssueId, dirty.IssueKey, "trigger", cancel);
                twin = await twins.FindByLocalAsync(connection.Id, dirty.IssueId, cancel);
            }
            if (twin is { IsStopped: false })
                synced.Add((connection, twin));
        }
        if (synced.Count == 0)
            return null;
        // An apply is writing this issue: its own writes are what changed; look again once it is recorded (no read now).
        if (synced.Select(s => s.Twin.ApplyingSinceMs).Where(ms => ms is not null).Min() is { } applyingSince)
            return WaitForApply(applyingSince);

        var read = await IssueSnapshot.ReadAsync(site.Client, dirty.IssueId, cancel);
        if (!read.IsSuccess && read.Error!.Kind == JiraErrorKind.NotFound)
        {
            foreach (var (connection, twin) in synced)
                await StopAsync(connection, twin, dirty, "deleted", "The issue was deleted (or is no longer visible to the sync).", cancel);
            return null;
        }
        if (!read.IsSuccess)
        {
            TimeSpan? wait = null;
            foreach (var (connection, _) in synced)
                wait = await FailedAsync(connection, dirty, $"Reading the issue failed: {read.Error}", cancel);
            return wait;
        }

        TimeSpan? retry = null;
        foreach (var (connection, _) in synced)
        {
            // Read again AFTER the issue: if the read saw a write of an apply, the twin now shows that apply as running
            // or its outcome as recorded, never neither (Twin.ApplyingSinceMs).
            var twin = await twins.FindByLocalAsync(connection.Id, dirty.IssueId, cancel);
            if (twin is not { IsStopped: false })
                continue;
            if (twin.ApplyingSinceMs is { } stillApplying)
            {
                retry = WaitForApply(stillApplying);
                continue;
            }
            var sent = await SendAsync(connection, site, twin, read.Value!, cancel);
            if (!sent.IsSuccess)
                retry = await FailedAsync(connection, dirty, sent.Error.Message, cancel);
            else if (read.Value!.Issue.Updated is { } updated)
                await twins.RecordSeenAsync(connection.Id, dirty.IssueId, updated, cancel);
        }
        return retry;
    }

    /// <summary>How soon an issue whose twin is being written by an apply is looked at again: soon, unless that apply
    /// has been failing for a while (then it is in the Errors view, and checking often would only churn).</summary>
    private TimeSpan WaitForApply(long applyingSinceMs) =>
        clock.GetUtcNow().ToUnixTimeMilliseconds() - applyingSinceMs < 30_000 ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(10);

    private async Task<Result<bool>> SendAsync(Connection connection, LocalJiraSite site, Twin twin, IssueSnapshot snapshot, CancellationToken cancel)
    {
        var issue = snapshot.Issue;
        var comments = ReplicaBuilder.Comments(snapshot, await twins.CopiesAsync(twin, TwinCopy.Comment, cancel));
        var attachments = new List<ReplicaAttachment>();
        var problems = new List<string>();
        foreach (var attachment in ReplicaBuilder.NativeAttachments(snapshot, await twins.CopiesAsync(twin, TwinCopy.Attachment, cancel)))
        {
            var shared = await sharing.EnsureSharedAsync(connection, site, attachment, cancel);
            if (!shared.IsSuccess)
                return shared.Error;
            if (shared.Value!.Problem is { } problem)
                problems.Add(problem);
            else
                attachments.Add(new ReplicaAttachment(attachment.Id!, attachment.FileName ?? "attachment", attachment.MimeType, shared.Value.Size, shared.Value.Sha256!));
        }

        var fields = ReplicaBuilder.Fields(issue);
        var hashes = SyncedField.Hashes(fields);
        var agreed = AgreedState.Parse(twin.Agreed);
        var changed = SyncedField.All.Where(f => agreed[f]?.Local != hashes[f]).ToList();
        var itemsHash = ReplicaBuilder.ItemsHash(comments, attachments);
        if (changed.Count > 0 || itemsHash != twin.ItemsHash)
        {
            var bases = changed.Where(f => agreed[f] is not null).ToDictionary(f => f, f => agreed[f]!.Remote, StringComparer.Ordinal);
            foreach (var field in changed)
                agreed.Set(field, hashes[field], hashes[field]);
            var payload = SyncJson.Write(new SyncPayload
            {
                Type = SyncPayload.ReplicaType,
                Issue = new ReplicaIssue(issue.Id, issue.Key, site.BrowseUrl(issue.Key)),
                TwinOf = twin.RemoteIssueId,
                Fields = fields,
                Changed = changed,
                Base = bases,
                Comments = comments,
                Attachments = attachments,
            });
            if (System.Text.Encoding.UTF8.GetByteCount(payload) > ExchangeLimits.MaxEventBytes)
                return ApiError.TooLarge($"The issue's replica is {System.Text.Encoding.UTF8.GetByteCount(payload) / 1024} KiB; one event carries at most {ExchangeLimits.MaxEventBytes / 1024} KiB.");
            await using (var db = await database.OpenAsync(cancel))
            await using (var transaction = await db.BeginTransactionAsync(cancel))
            {
                // Queued last: taking the connection's next sequence number locks its cursor row until the commit.
                await twins.RecordSentAsync(db, transaction, twin, agreed.ToJson(), itemsHash, cancel);
                await outbox.EnqueueAsync(db, transaction, connection.Id, payload, cancel);
                await transaction.CommitAsync(cancel);
            }
            exchange.Notify(connection.Id);
            logger.LogDebug("Connection {Connection}: queued the replica of {Issue} ({Changed})", connection.Id, issue.Key, string.Join(",", changed));
        }
        if (problems.Count > 0)
            await errors.RecordAsync(connection.Id, SyncError.Out, issue.Id, issue.Key, null, string.Join(" ", problems), blocking: false, cancel);
        else
            await errors.ClearAsync(connection.Id, SyncError.Out, issue.Id, cancel);
        return true;
    }

    /// <summary>Stops syncing an issue here and tells the peer, in one transaction.</summary>
    public async Task StopAsync(Connection connection, Twin twin, DirtyIssue? dirty, string reason, string message, CancellationToken cancel)
    {
        var payload = SyncJson.Write(new SyncPayload
        {
            Type = SyncPayload.UnsyncType,
            Issue = new ReplicaIssue(twin.LocalIssueId ?? dirty?.IssueId ?? "", twin.LocalIssueKey ?? dirty?.IssueKey, null),
            TwinOf = twin.RemoteIssueId,
            Reason = reason,
        });
        await outbox.EnqueueAsync(connection.Id, payload, cancel);
        await twins.StopAsync(connection.Id, twin.TwinId, message, cancel);
        logger.LogInformation("Connection {Connection}: stopped syncing {Issue}: {Reason}", connection.Id, twin.LocalIssueKey ?? twin.LocalIssueId, reason);
    }

    private async Task<TimeSpan> FailedAsync(Connection connection, DirtyIssue dirty, string message, CancellationToken cancel)
    {
        logger.LogWarning("Connection {Connection}: syncing issue {Issue} failed: {Message}", connection.Id, dirty.IssueKey ?? dirty.IssueId, message);
        return await errors.RecordAsync(connection.Id, SyncError.Out, dirty.IssueId, dirty.IssueKey, null, message, blocking: true, cancel);
    }
}

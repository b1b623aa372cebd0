using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Model;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// Applies the peer's stored events in sequence order, per connection (DESIGN §7 "Order"): an event that fails is
/// recorded in the errors view and holds only the later events of the same issue, until its retry comes due or an
/// admin presses Retry; other issues' events go on. Wakes when the exchange stores events in this process.
/// </summary>
public sealed class IncomingWorker(
    SyncConnections connections,
    LocalTracker trackers,
    Inbox inbox,
    IncomingSync sync,
    SyncErrorStore errors,
    ApplyLeases leases,
    InboxSignal signal,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<IncomingWorker> logger) : SyncWorker(signal, options, logger)
{
    private const int Page = 200;

    /// <summary>How often applied events older than <see cref="SyncOptions.KeepAppliedEvents"/> are deleted.</summary>
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await leases.ReleaseAllAsync(cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Releasing the apply leases failed; other processes take over when they expire");
        }
    }

    protected override async Task<bool> PassAsync(CancellationToken stoppingToken)
    {
        var applied = 0;
        foreach (var connection in await connections.AllAsync(stoppingToken))
            applied += await ApplyConnectionAsync(connection, stoppingToken);
        if (clock.GetUtcNow() >= nextPrune)
        {
            nextPrune = clock.GetUtcNow() + PruneEvery;
            var pruned = await inbox.PruneAppliedAsync(clock.GetUtcNow() - Settings.KeepAppliedEvents, stoppingToken);
            if (pruned > 0)
                logger.LogDebug("Deleted {Count} applied incoming events", pruned);
        }
        return applied > 0;
    }

    /// <summary>One pass over a connection's unapplied events; returns how many were applied.</summary>
    public async Task<int> ApplyConnectionAsync(Connections.Connection connection, CancellationToken cancel)
    {
        // Held across passes (renewed each time and every third of the lease while applying), not released after
        // them: another process takes over only when this one stops renewing.
        if (!await leases.HoldAsync(connection.Id, Settings.ClaimLease, cancel))
            return 0;
        var renewed = clock.GetUtcNow();
        long after = 0;
        var applied = 0;
        HashSet<string>? waiting = null;
        Sync.LocalJiraSite? site = null;
        while (true)
        {
            var events = await inbox.UnappliedAsync(connection.Id, after, Page, cancel);
            if (events.Count == 0)
                return applied;
            waiting ??= await errors.WaitingAsync(connection.Id, SyncError.In, cancel);
            site ??= await trackers.ForAsync(connection, cancel);
            if (site is null)
                return applied; // the tenant is uninstalled or disabled: its events wait
            foreach (var stored in events)
            {
                after = stored.Sequence;
                var payload = SyncJson.Read(stored.Payload);
                if (payload is null)
                {
                    logger.LogError("Connection {Connection}: event {Sequence} is not a sync event this version understands; it is skipped", connection.Id, stored.Sequence);
                    await errors.RecordAsync(connection.Id, SyncError.In, $"event-{stored.Sequence}", null, stored.Sequence,
                        "An event from the other side could not be read by this version; it was skipped.", blocking: false, cancel);
                    await inbox.MarkAppliedAsync(connection.Id, stored.Sequence, cancel);
                    continue;
                }
                var issueRef = payload.Issue.Id;
                if (waiting.Contains(issueRef))
                    continue;
                if (clock.GetUtcNow() - renewed > Settings.ClaimLease / 3)
                {
                    if (!await leases.HoldAsync(connection.Id, Settings.ClaimLease, cancel))
                        return applied; // lost it (this process stalled past the lease): the new holder goes on
                    renewed = clock.GetUtcNow();
                }
                Hosting.Result<bool> outcome;
                try { outcome = await sync.ApplyAsync(connection, site, payload, cancel); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Connection {Connection}: applying event {Sequence} failed unexpectedly", connection.Id, stored.Sequence);
                    outcome = Hosting.ApiError.Unavailable("Applying failed unexpectedly: " + e.Message);
                }
                if (outcome.IsSuccess)
                {
                    await inbox.MarkAppliedAsync(connection.Id, stored.Sequence, cancel);
                    await errors.ClearAsync(connection.Id, SyncError.In, issueRef, cancel);
                    applied++;
                }
                else
                {
                    waiting.Add(issueRef);
                    logger.LogWarning("Connection {Connection}: applying {Issue} (event {Sequence}) failed: {Message}", connection.Id, payload.Issue.Key, stored.Sequence, outcome.Error!.Message);
                    await errors.RecordAsync(connection.Id, SyncError.In, issueRef, payload.Issue.Key, stored.Sequence, outcome.Error.Message, blocking: true, cancel);
                }
            }
        }
    }
}

using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// One connection's exchange loop (DESIGN §6, polling discipline): send the acknowledgement and the outbox, store what
/// comes back, and go again at once; when idle, keep one long-poll open; an event queued here while it is held goes at
/// once on a second request beside it; after a failure wait with jittered backoff and try again; stop when the public
/// node says the connection was deleted.
/// <para>
/// The held long-poll is never cancelled to send an event (issue 14 item 9): cancelling an HTTP/1.1 request in flight
/// makes SocketsHttpHandler dispose its connection (its cancellation is a registration that disposes the connection,
/// dotnet/runtime#112383), so every local change cost a new TCP connection, and over the internet a TLS handshake and a
/// proxy log line. The second request finds a kept-alive connection in the pool (HTTP/1.1 carries one request at a time
/// per connection, and proxies in front of the public node may speak nothing newer), so a busy link holds two
/// connections, reused, and an idle one holds the long-poll's alone. Two exchanges at once are safe by the protocol's
/// construction (Transport/README.md, "Replay"): events are stored only as the next of their sequence, repeats are
/// ignored, and an acknowledgement deletes only what it covers, so the held poll's older ack and answer change nothing
/// the second request did. Their answers are handled one at a time, here, never concurrently.
/// </para>
/// </summary>
public sealed class ConnectionPoll(ExchangeClient client, Outbox outbox, Inbox inbox, ExchangeSignal signal, PollTargets targets,
    IOptions<ExchangePollerOptions> options, TimeProvider clock, ILogger<ConnectionPoll> logger)
{
    public async Task RunAsync(PollTarget target, CancellationToken stop)
    {
        var id = target.ConnectionId;
        var link = new PollLinkState();
        while (!stop.IsCancellationRequested)
        {
            var queuedHere = signal.NextAsync(id); // before reading the outbox, so nothing queued in between is missed
            var outgoing = await outbox.PendingAsync(id, after: 0, stop);
            var ack = await inbox.AckAsync(id, stop);
            ExchangeOutcome outcome;
            if (outgoing.Count > 0 && !link.Deactivated)
                outcome = await client.ExchangeAsync(target, new ExchangeRequest(ack, outgoing, 0), stop); // answered at once
            else
            {
                // Idle, or deactivated (the public node then holds even a request with events for the whole wait, so
                // they go with the long-poll and nothing spins).
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var poll = client.ExchangeAsync(target, new ExchangeRequest(ack, outgoing, options.Value.WaitSeconds), held.Token);
                var deleted = await SendBesideAsync(target, poll, queuedHere, link, stop);
                if (deleted)
                {
                    await held.CancelAsync(); // the connection is gone for good: its socket need not be kept
                    return;
                }
                outcome = await poll;
            }
            if (await TakeAsync(target, outcome, link, stop) == PollTaken.Deleted)
                return;
            if (link.Failures > 0)
            {
                var wait = PollerBackoff.After(link.Failures, options.Value.MinBackoff, options.Value.MaxBackoff, Random.Shared);
                logger.LogWarning("Exchange for {Connection} failed ({Failures} in a row): {Reason}; trying again in {Wait:0.0} s",
                    target, link.Failures, outcome.Failure, wait.TotalSeconds);
                await Task.Delay(wait, clock, stop);
            }
        }
    }

    /// <summary>
    /// While the long-poll is held, sends what is queued here on a second request each time the signal fires. After a
    /// failure the rest waits for the poll to end, where the loop sends it again with the usual backoff. True when the
    /// public node said the connection is deleted.
    /// </summary>
    private async Task<bool> SendBesideAsync(PollTarget target, Task<ExchangeOutcome> poll, Task queuedHere, PollLinkState link, CancellationToken stop)
    {
        var id = target.ConnectionId;
        while (!link.Deactivated && await Task.WhenAny(poll, queuedHere) != poll)
        {
            queuedHere = signal.NextAsync(id);
            var outgoing = await outbox.PendingAsync(id, after: 0, stop);
            if (outgoing.Count == 0)
                continue; // acknowledged already by an answer that arrived meanwhile
            var sent = await client.ExchangeAsync(target, new ExchangeRequest(await inbox.AckAsync(id, stop), outgoing, 0), stop);
            switch (await TakeAsync(target, sent, link, stop))
            {
                case PollTaken.Deleted:
                    return true;
                case PollTaken.Failed:
                    return false;
            }
        }
        return false;
    }

    private async Task<PollTaken> TakeAsync(PollTarget target, ExchangeOutcome outcome, PollLinkState link, CancellationToken stop)
    {
        var id = target.ConnectionId;
        if (outcome.Answer is { } answer)
        {
            if (link.Failures > 0)
                logger.LogInformation("Exchange for {Connection} works again after {Failures} failures", target, link.Failures);
            link.Failures = 0;
            await targets.RecordExchangedAsync(id, clock.GetUtcNow(), stop);
            link.Deactivated = answer.Status == ConnectAddon.Connections.ConnectionStatus.Deactivated;
            await outbox.AcknowledgeAsync(id, answer.Ack, stop);
            await inbox.StoreAsync(id, answer.Events, stop); // acknowledged on the next exchange, which starts at once
            return PollTaken.Answered;
        }
        if (outcome.Deleted)
        {
            logger.LogWarning("The public node deleted connection {Connection}; no longer exchanging for it", target);
            await targets.MarkDeletedByPeerAsync(id, outcome.Failure!, clock.GetUtcNow(), stop);
            return PollTaken.Deleted;
        }
        link.Failures++;
        await targets.RecordFailureAsync(id, outcome.Failure ?? "unknown failure", clock.GetUtcNow(), stop);
        return PollTaken.Failed;
    }
}

using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// One connection's exchange loop (DESIGN §6, polling discipline): send the acknowledgement and the outbox, store what
/// comes back, and go again at once; when idle, keep one long-poll open, cut short when an event is queued here; after
/// a failure wait with jittered backoff and try again; stop when the public node says the connection was deleted.
/// </summary>
public sealed class ConnectionPoll(ExchangeClient client, Outbox outbox, Inbox inbox, ExchangeSignal signal, PollTargets targets,
    IOptions<ExchangePollerOptions> options, TimeProvider clock, ILogger<ConnectionPoll> logger)
{
    public async Task RunAsync(PollTarget target, CancellationToken stop)
    {
        var id = target.ConnectionId;
        var failures = 0;
        var deactivated = false; // the public node said so: events do not flow, so even a full outbox waits out the long-poll
        while (!stop.IsCancellationRequested)
        {
            var queuedHere = signal.NextAsync(id); // before reading the outbox, so nothing queued in between is missed
            var outgoing = await outbox.PendingAsync(id, after: 0, stop);
            var request = new ExchangeRequest(await inbox.AckAsync(id, stop), outgoing, outgoing.Count > 0 && !deactivated ? 0 : options.Value.WaitSeconds);

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (request.WaitSeconds > 0)
                _ = queuedHere.ContinueWith(_ => Interrupt(poll), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            ExchangeOutcome outcome;
            try
            {
                outcome = await client.ExchangeAsync(target, request, poll.Token);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                continue; // an event was queued here: send it now rather than at the end of the long-poll
            }

            if (outcome.Answer is { } answer)
            {
                if (failures > 0)
                    logger.LogInformation("Exchange for {Connection} works again after {Failures} failures", target, failures);
                failures = 0;
                await targets.RecordExchangedAsync(id, clock.GetUtcNow(), stop);
                deactivated = answer.Status == ConnectAddon.Connections.ConnectionStatus.Deactivated;
                await outbox.AcknowledgeAsync(id, answer.Ack, stop);
                await inbox.StoreAsync(id, answer.Events, stop); // acknowledged on the next exchange, which starts at once
                continue;
            }
            if (outcome.Deleted)
            {
                logger.LogWarning("The public node deleted connection {Connection}; no longer exchanging for it", target);
                await targets.MarkDeletedByPeerAsync(id, outcome.Failure!, clock.GetUtcNow(), stop);
                return;
            }
            failures++;
            await targets.RecordFailureAsync(id, outcome.Failure ?? "unknown failure", clock.GetUtcNow(), stop);
            var wait = PollerBackoff.After(failures, options.Value.MinBackoff, options.Value.MaxBackoff, Random.Shared);
            logger.LogWarning("Exchange for {Connection} failed ({Failures} in a row): {Reason}; trying again in {Wait:0.0} s",
                target, failures, outcome.Failure, wait.TotalSeconds);
            await Task.Delay(wait, clock, stop);
        }
    }

    private static void Interrupt(CancellationTokenSource poll)
    {
        try
        {
            poll.Cancel();
        }
        catch (ObjectDisposedException) { } // that exchange is over already
    }
}

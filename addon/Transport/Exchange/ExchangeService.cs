using ConnectAddon.Connections;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The public node's side of one exchange, once authenticated: record the poll, take the private node's events
/// (idempotently) and its acknowledgement, then answer with the events waiting for it, holding the request open up to
/// the wait when none wait. Replaying a request changes nothing: its events are stored already and its ack was applied.
/// </summary>
public sealed class ExchangeService(ExchangeConnections connections, Inbox inbox, Outbox outbox, ExchangeSignal signal, TimeProvider clock,
    IHostApplicationLifetime lifetime, Microsoft.Extensions.Options.IOptions<ExchangeHoldOptions> hold, ILogger<ExchangeService> logger)
{

    public async Task<ExchangeAnswer> ExchangeAsync(ExchangeConnection connection, ExchangeRequest request, CancellationToken aborted)
    {
        await connections.RecordPolledAsync(connection.Id, clock.GetUtcNow(), aborted);
        // The acknowledgement is the private node's word that it stored them: true whatever the status.
        await outbox.AcknowledgeAsync(connection.Id, request.Ack, aborted);
        var status = connection.EventsFlow ? ConnectionStatus.Active : ConnectionStatus.Deactivated;
        var ack = connection.EventsFlow
            ? await inbox.StoreAsync(connection.Id, request.Events, aborted)
            : await inbox.AckAsync(connection.Id, aborted); // deactivated: its events stay queued on the private node

        // A request that carried events gets its acknowledgement at once; only an idle poll is held. On a deactivated
        // connection nothing would move, so it is held either way: a private node with events queued does not spin.
        var wait = request.Events.Count > 0 && connection.EventsFlow ? TimeSpan.Zero : TimeSpan.FromSeconds(request.WaitSeconds);
        using var held = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        held.CancelAfter(wait);
        var flows = connection.EventsFlow;
        for (var first = true; ; first = false)
        {
            var queued = signal.NextAsync(connection.Id);
            // Read again after each wait: an admin may have deactivated (or deleted) the connection while the request
            // was held, and then nothing of its outbox may go out, however recently it was queued.
            if (!first)
            {
                flows = await connections.FindAsync(connection.Id, aborted) is { IsDeleted: false, EventsFlow: true };
                status = flows ? ConnectionStatus.Active : ConnectionStatus.Deactivated;
            }
            var events = flows ? await outbox.PendingAsync(connection.Id, request.Ack, aborted) : [];
            if (events.Count > 0 || held.IsCancellationRequested)
                return new ExchangeAnswer(ack, events, status);
            if (first)
                logger.LogDebug("Exchange of {Connection} held: nothing queued after {Ack}", connection.Id, request.Ack);
            try
            {
                await queued.WaitAsync(hold.Value.HeldRecheck, clock, held.Token);
            }
            catch (TimeoutException) { }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested) { } // the wait is over, or the node stops: answer now
        }
    }
}

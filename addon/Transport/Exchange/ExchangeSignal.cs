using System.Collections.Concurrent;
using ConnectAddon.Storage;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// "An event was queued for this connection": a held exchange (public node) or an idle poller (private node) wakes at
/// once. When several processes share a PostgreSQL database the word goes to the others too
/// (<see cref="DatabaseNotifications"/>), so the process holding the private node's long-poll answers whichever
/// process queued the event; held exchanges still re-read the outbox at <see cref="ExchangeHoldOptions.HeldRecheck"/>.
/// </summary>
public sealed class ExchangeSignal
{
    private const string Topic = "exchange";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);
    private readonly DatabaseNotifications? notifications;

    public ExchangeSignal() { }

    public ExchangeSignal(DatabaseNotifications notifications)
    {
        this.notifications = notifications;
        // An empty id (listening resumed after a break): every held exchange re-reads.
        notifications.Subscribe(Topic, id =>
        {
            if (id.Length > 0)
                NotifyHere(id);
            else
                foreach (var connectionId in waiting.Keys)
                    NotifyHere(connectionId);
        });
    }

    /// <summary>Completes at the next <see cref="Notify"/> for the connection. Take it before reading the outbox, so no event slips between.</summary>
    public Task NextAsync(string connectionId) =>
        waiting.GetOrAdd(connectionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string connectionId)
    {
        NotifyHere(connectionId);
        notifications?.Publish(Topic, connectionId);
    }

    private void NotifyHere(string connectionId)
    {
        if (waiting.TryRemove(connectionId, out var next))
            next.TrySetResult();
    }
}

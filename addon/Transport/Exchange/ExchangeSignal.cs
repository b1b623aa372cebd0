using System.Collections.Concurrent;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// "An event was queued for this connection", within this process: a held exchange (public node) or an idle poller
/// (private node) wakes at once. Processes sharing one database do not see each other's signals; the public node's
/// held exchanges re-read the outbox at <see cref="ExchangeService.FallbackInterval"/> for that case.
/// </summary>
public sealed class ExchangeSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    /// <summary>Completes at the next <see cref="Notify"/> for the connection. Take it before reading the outbox, so no event slips between.</summary>
    public Task NextAsync(string connectionId) =>
        waiting.GetOrAdd(connectionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string connectionId)
    {
        if (waiting.TryRemove(connectionId, out var next))
            next.TrySetResult();
    }
}

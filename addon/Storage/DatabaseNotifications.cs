using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace ConnectAddon.Storage;

/// <summary>
/// "Something was queued" between the processes that share one database, so that a worker or a held exchange in
/// process X wakes when process Y queued its work, not at its next fallback re-read. On PostgreSQL it is
/// LISTEN/NOTIFY on one channel (<see href="https://www.postgresql.org/docs/15/sql-notify.html"/>): no other server is
/// needed, and a notification sent inside no transaction is delivered at once to every listening session. On SQLite
/// (one process) the in-process signals are all there is, and this does nothing.
/// A notification is a hint, never the work itself: a lost one (the listening connection broke, the process was
/// busy) costs the receiver its fallback interval, nothing more, because every receiver re-reads the database.
/// </summary>
public sealed class DatabaseNotifications(Database database, ILogger<DatabaseNotifications> logger) : BackgroundService
{
    public const string Channel = "addon_wake";

    // Which process sent a notification: its own come back to it too, and are skipped (it signalled itself already).
    private readonly string sender = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, Action<string>> handlers = new(StringComparer.Ordinal);
    private readonly Channel<string> outgoing = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private bool Crosses => database.Dialect == SqlDialect.Postgres;

    /// <summary>Calls <paramref name="handler"/> with the payload of every notification of <paramref name="topic"/> another process sends.</summary>
    public void Subscribe(string topic, Action<string> handler) => handlers[topic] = handler;

    /// <summary>Tells the other processes; returns at once (sent in the background, in order).</summary>
    public void Publish(string topic, string payload = "")
    {
        if (Crosses)
            outgoing.Writer.TryWrite($"{sender} {topic} {payload}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Crosses)
            return;
        await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (failures > 0)
                    logger.LogInformation("Listening for other processes' notifications again after {Failures} failures", failures);
                failures = 0;
                // Woken from the other processes' work while listening was down: re-read now rather than at the fallback.
                foreach (var handler in handlers.Values)
                    handler("");
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                if (failures == 1)
                    logger.LogWarning(e, "Listening for other processes' notifications failed; work they queue is found at the fallback re-reads until it works again (next try in {Wait})", wait);
                try { await Task.Delay(wait, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything queued meanwhile goes in one round trip, repeats once.
                batch.Clear();
                while (batch.Count < 500 && outgoing.Reader.TryRead(out var message))
                    batch.Add(message);
                try
                {
                    await using var connection = await database.OpenAsync(stoppingToken);
                    await using var notify = connection.CreateCommand();
                    notify.CommandText = string.Join(";", batch.Select((_, i) => $"SELECT pg_notify('{Channel}', @p{i})"));
                    var i = 0;
                    foreach (var message in batch)
                    {
                        var parameter = notify.CreateParameter();
                        parameter.ParameterName = "p" + i++;
                        parameter.Value = message;
                        notify.Parameters.Add(parameter);
                    }
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
                {
                    logger.LogDebug(e, "Notifying the other processes failed; they find the work at their fallback re-reads");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private void Deliver(string message)
    {
        var parts = message.Split(' ', 3);
        if (parts.Length < 2 || parts[0] == sender || !handlers.TryGetValue(parts[1], out var handler))
            return;
        try { handler(parts.Length > 2 ? parts[2] : ""); }
        catch (Exception e) { logger.LogWarning(e, "Handling a notification of {Topic} failed", parts[1]); }
    }
}

using System.Data.Common;
using System.Threading.Channels;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>
/// The durable record of "issue X of tenant T changed", which the sync engine consumes. One row per issue:
/// repeats coalesce into it and raise its <c>change_seq</c>. A delivery seen before (same
/// <c>X-Atlassian-Webhook-Identifier</c>) changes nothing.
/// <para>
/// Writes go through one writer that commits whatever has queued up in a single transaction (group commit):
/// SQLite has one write lock, and letting each request fight for it means sleeping in its busy handler
/// (tens to hundreds of milliseconds) under load. Each caller's task completes only after the commit that holds
/// its record, so a 204 still means "stored durably".
/// </para>
/// </summary>
public sealed class DirtyIssueLog : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly DirtyIssueSignal signal;
    private readonly Database database;
    private readonly TimeProvider clock;
    private readonly ILogger<DirtyIssueLog> logger;
    private readonly Channel<PendingRecord> queue = Channel.CreateUnbounded<PendingRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public DirtyIssueLog(Database database, DirtyIssueSignal signal, TimeProvider clock, ILogger<DirtyIssueLog> logger)
    {
        this.database = database;
        this.signal = signal;
        this.clock = clock;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <returns>False when the delivery was recorded before (a retry), true when this call recorded it.</returns>
    public Task<bool> RecordAsync(string clientKey, string? deliveryId, WebhookNotice notice, CancellationToken cancel)
    {
        var pending = new PendingRecord(clientKey, deliveryId, notice);
        if (!queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The node is shutting down.");
        // A caller that gives up still has its record written; Jira's retry of it is then recognised as a repeat.
        return pending.Stored.Task.WaitAsync(cancel);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingRecord>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                batch.Add(next);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception batchFailure)
            {
                // One bad record must not fail its neighbours: retry each alone, and fail only those that still fail.
                logger.LogWarning(batchFailure, "Recording {Count} webhooks together failed; recording them one by one", batch.Count);
                foreach (var single in batch)
                {
                    try { await WriteAsync([single]); }
                    catch (Exception e) { single.Stored.TrySetException(e); }
                }
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<PendingRecord> records)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        bool[] results = [];
        await database.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            results = await WriteBatchAsync(connection, transaction, records, now);
            await transaction.CommitAsync();
        }, urgent: true); // Jira (or Forge) waits for the 204
        signal.Notify();
        for (var i = 0; i < records.Count; i++)
            records[i].Stored.TrySetResult(results[i]);
    }

    /// <summary>
    /// The batch in two statements whatever its size, so that on PostgreSQL a batch costs two round trips, not two a
    /// record: the delivery ids in one insert that returns the ones it stored, then one upsert of the changed issues
    /// the fresh records name, repeats of an issue folded into one row first (an upsert may not touch a row twice).
    /// Which record of a batch is fresh follows the order they came in, as one statement a record did.
    /// </summary>
    private static async Task<bool[]> WriteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingRecord> records, long now)
    {
        var stored = new HashSet<(string, string)>();
        var identified = records.Where(r => r.DeliveryId is not null).ToList();
        if (identified.Count > 0)
        {
            var values = new System.Text.StringBuilder();
            var parameters = new DynamicParameters(new { now });
            for (var j = 0; j < identified.Count; j++)
            {
                values.Append(j == 0 ? "" : ", ").Append($"(@k{j}, @d{j}, @now)");
                parameters.Add($"k{j}", identified[j].ClientKey);
                parameters.Add($"d{j}", identified[j].DeliveryId);
            }
            var inserted = await connection.QueryAsync<(string ClientKey, string DeliveryId)>(
                $"INSERT INTO webhook_deliveries (client_key, delivery_id, received_at_ms) VALUES {values} ON CONFLICT DO NOTHING RETURNING client_key, delivery_id",
                parameters, transaction);
            stored.UnionWith(inserted);
        }

        var fresh = new bool[records.Count];
        var changed = new Dictionary<(string ClientKey, string IssueId), (string? IssueKey, string EventName, int Changes)>();
        var order = new List<(string ClientKey, string IssueId)>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            // A delivery id stored by this batch makes its first record fresh; a later one with the same id is a repeat.
            fresh[i] = record.DeliveryId is null || stored.Remove((record.ClientKey, record.DeliveryId));
            if (!fresh[i] || record.Notice.IssueId is not { } issueId)
                continue;
            var key = (record.ClientKey, issueId);
            if (changed.TryGetValue(key, out var before))
                changed[key] = (record.Notice.IssueKey ?? before.IssueKey, record.Notice.EventName, before.Changes + 1);
            else
            {
                changed[key] = (record.Notice.IssueKey, record.Notice.EventName, 1);
                order.Add(key);
            }
        }
        if (order.Count > 0)
        {
            var values = new System.Text.StringBuilder();
            var parameters = new DynamicParameters(new { now });
            for (var j = 0; j < order.Count; j++)
            {
                var (issueKey, eventName, changes) = changed[order[j]];
                values.Append(j == 0 ? "" : ", ").Append($"(@k{j}, @i{j}, @key{j}, @e{j}, @n{j}, @now, @now)");
                parameters.Add($"k{j}", order[j].ClientKey);
                parameters.Add($"i{j}", order[j].IssueId);
                parameters.Add($"key{j}", issueKey);
                parameters.Add($"e{j}", eventName);
                parameters.Add($"n{j}", changes);
            }
            await connection.ExecuteAsync($"""
                INSERT INTO dirty_issues (client_key, issue_id, issue_key, last_event, change_seq, first_seen_at_ms, last_seen_at_ms)
                VALUES {values}
                ON CONFLICT (client_key, issue_id) DO UPDATE SET
                    issue_key = COALESCE(excluded.issue_key, dirty_issues.issue_key),
                    last_event = excluded.last_event,
                    change_seq = dirty_issues.change_seq + excluded.change_seq,
                    last_seen_at_ms = excluded.last_seen_at_ms
                """, parameters, transaction);
        }
        return fresh;
    }

    /// <summary>Forgets delivery ids older than <paramref name="age"/>: Jira's retries end well within a day.</summary>
    public async Task<int> PruneDeliveriesAsync(TimeSpan age, CancellationToken cancel)
    {
        var cutoff = (clock.GetUtcNow() - age).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_deliveries WHERE received_at_ms < @cutoff", new { cutoff }, cancellationToken: cancel));
    }

    /// <summary>At shutdown, records already accepted are written before the process ends.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private sealed record PendingRecord(string ClientKey, string? DeliveryId, WebhookNotice Notice)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>
/// The durable record of "issue X of tenant T changed", which the sync engine consumes. One row per issue:
/// repeats coalesce into it and raise its <c>change_seq</c>. A delivery seen before (same
/// <c>X-Atlassian-Webhook-Identifier</c>) changes nothing. Both happen in one transaction, committed before 204.
/// </summary>
public sealed class DirtyIssueLog(Database database, TimeProvider clock)
{
    public async Task<bool> RecordAsync(string clientKey, string? deliveryId, WebhookNotice notice, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        if (deliveryId is not null)
        {
            var fresh = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO webhook_deliveries (client_key, delivery_id, received_at_ms) VALUES (@clientKey, @deliveryId, @now) ON CONFLICT DO NOTHING",
                new { clientKey, deliveryId, now }, transaction, cancellationToken: cancel));
            if (fresh == 0)
                return false;
        }
        if (notice.IssueId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO dirty_issues (client_key, issue_id, issue_key, last_event, change_seq, first_seen_at_ms, last_seen_at_ms)
                VALUES (@clientKey, @IssueId, @IssueKey, @EventName, 1, @now, @now)
                ON CONFLICT (client_key, issue_id) DO UPDATE SET
                    issue_key = COALESCE(excluded.issue_key, dirty_issues.issue_key),
                    last_event = excluded.last_event,
                    change_seq = dirty_issues.change_seq + 1,
                    last_seen_at_ms = excluded.last_seen_at_ms
                """, new { clientKey, notice.IssueId, notice.IssueKey, notice.EventName, now }, transaction, cancellationToken: cancel));
        }
        await transaction.CommitAsync(cancel);
        return true;
    }

    /// <summary>Forgets delivery ids older than <paramref name="age"/>: Jira's retries end well within a day.</summary>
    public async Task<int> PruneDeliveriesAsync(TimeSpan age, CancellationToken cancel)
    {
        var cutoff = (clock.GetUtcNow() - age).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_deliveries WHERE received_at_ms < @cutoff", new { cutoff }, cancellationToken: cancel));
    }
}

using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Storage;
using ConnectAddon.Sync.Capture;
using Dapper;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// The queue of changed issues (DESIGN §8): <c>dirty_issues</c> (public node, per tenant) and
/// <c>connection_dirty_issues</c> (private node, per connection). A worker claims rows with a lease and a token in one
/// statement; completion deletes a row only if its token still holds and it did not change again meanwhile; an expired
/// lease (a crashed worker) is claimed again. One row per issue means at most one lease per issue, which keeps its order.
/// </summary>
public sealed class DirtyQueue(Database database, DirtyIssueSignal signal, TimeProvider clock)
{
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public Task<IReadOnlyList<DirtyIssue>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancel) => ClaimAsync(max, lease, BulkHold.None, cancel);

    /// <param name="held">Tenants whose bulk marks wait (Jira's quota is low on their site): only their live changes are claimed.</param>
    public async Task<IReadOnlyList<DirtyIssue>> ClaimAsync(int max, TimeSpan lease, BulkHold held, CancellationToken cancel)
    {
        var token = Guid.NewGuid().ToString("N");
        var args = new { token, until = Now + (long)lease.TotalMilliseconds, now = Now, max };
        var tenantArgs = new { token, args.until, args.now, max, holdAll = held.AllSites, heldSites = held.Sites.ToArray() };
        // A tenant's site key is its base URL without the trailing slash, in lower case (JiraTarget.SiteKey).
        var heldTenants = " AND NOT (last_event = 'bulk' AND (@holdAll OR client_key IN (SELECT client_key FROM tenants WHERE LOWER(RTRIM(base_url, '/'))"
            + database.Dialect.InList("@heldSites") + ")))";
        var (tenants, connections) = await database.WriteAsync(async db => (
            await db.QueryAsync<(string, string, string?, long)>(new CommandDefinition(Claim("dirty_issues", "client_key", "last_event = 'bulk'", heldTenants), tenantArgs, cancellationToken: cancel)),
            await db.QueryAsync<(string, string, string?, long)>(new CommandDefinition(Claim("connection_dirty_issues", "connection_id", "updated_ms = 0", ""), args, cancellationToken: cancel))), cancel);
        return tenants.Select(t => new DirtyIssue(t.Item1, null, t.Item2, t.Item3, t.Item4, token))
            .Concat(connections.Select(c => new DirtyIssue(null, c.Item1, c.Item2, c.Item3, c.Item4, token)))
            .ToList();
    }

    /// <summary>Done: the row goes, unless the issue changed again since the claim; then it is released for the next pass.</summary>
    public async Task CompleteAsync(DirtyIssue issue, CancellationToken cancel)
    {
        var (table, scope) = Table(issue);
        var args = new { scope = issue.Scope, issue.IssueId, issue.LeaseToken, issue.ChangeSeq };
        var released = await database.WriteAsync(async db =>
        {
            var deleted = await db.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE {scope} = @scope AND issue_id = @IssueId AND lease_token = @LeaseToken AND change_seq = @ChangeSeq", args, cancellationToken: cancel));
            if (deleted > 0)
                return false;
            await db.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET lease_token = NULL, lease_until_ms = NULL WHERE {scope} = @scope AND issue_id = @IssueId AND lease_token = @LeaseToken", args, cancellationToken: cancel));
            return true;
        }, cancel);
        if (released)
            signal.Notify();
    }

    /// <summary>Failed: keep the row, and let nobody claim it before <paramref name="delay"/> passed (the retry's backoff); the claim ends.</summary>
    public async Task PostponeAsync(DirtyIssue issue, TimeSpan delay, CancellationToken cancel)
    {
        var (table, scope) = Table(issue);
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} SET lease_token = NULL, lease_until_ms = @until WHERE {scope} = @scope AND issue_id = @IssueId AND lease_token = @LeaseToken",
            new { scope = issue.Scope, issue.IssueId, issue.LeaseToken, until = Now + (long)delay.TotalMilliseconds }, cancellationToken: cancel));
    }

    /// <summary>
    /// The heartbeat of a worker still busy with a claim: its unfinished rows stay leased for another
    /// <paramref name="lease"/>, so the lease can be short and a crashed worker's claims come free soon.
    /// </summary>
    public async Task RenewAsync(string leaseToken, TimeSpan lease, CancellationToken cancel)
    {
        var args = new { leaseToken, until = Now + (long)lease.TotalMilliseconds };
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("UPDATE dirty_issues SET lease_until_ms = @until WHERE lease_token = @leaseToken", args, cancellationToken: cancel));
        await db.ExecuteAsync(new CommandDefinition("UPDATE connection_dirty_issues SET lease_until_ms = @until WHERE lease_token = @leaseToken", args, cancellationToken: cancel));
    }

    /// <summary>Marks an issue of a connection's side dirty: its tenant's on the public node, the connection's own on the private node.</summary>
    public Task MarkAsync(Connections.Connection connection, string issueId, string? issueKey, string reason, CancellationToken cancel) =>
        connection.ClientKey is { } clientKey
            ? MarkForTenantAsync(clientKey, issueId, issueKey, reason, cancel)
            : MarkForConnectionAsync(connection.Id, issueId, issueKey, cancel);

    /// <summary>Marks an issue of a tenant dirty (bulk, the Exalate action, catch-up).</summary>
    public async Task MarkForTenantAsync(string clientKey, string issueId, string? issueKey, string reason, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO dirty_issues (client_key, issue_id, issue_key, last_event, change_seq, first_seen_at_ms, last_seen_at_ms)
            VALUES (@clientKey, @issueId, @issueKey, @reason, 1, @now, @now)
            ON CONFLICT (client_key, issue_id) DO UPDATE SET change_seq = dirty_issues.change_seq + 1, last_seen_at_ms = excluded.last_seen_at_ms,
                last_event = CASE WHEN excluded.last_event = 'bulk' THEN dirty_issues.last_event ELSE excluded.last_event END
            """, new { clientKey, issueId, issueKey, reason, now = Now }, cancellationToken: cancel));
        signal.Notify();
    }

    /// <summary>Marks an issue of a private-side connection dirty (bulk).</summary>
    public async Task MarkForConnectionAsync(string connectionId, string issueId, string? issueKey, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(ConnectionDirtyIssues.Mark(database.Dialect),
            new { connectionId, IssueId = issueId, IssueKey = issueKey, updatedMs = 0L, now = Now }, cancellationToken: cancel));
        signal.Notify();
    }

    /// <summary>Changed issues not read yet that concern a connection: its tenant's (public node) or its own (private node).</summary>
    public async Task<long> CountAsync(Connections.Connection connection, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return connection.ClientKey is { } clientKey
            ? await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM dirty_issues WHERE client_key = @clientKey", new { clientKey }, cancellationToken: cancel))
            : await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM connection_dirty_issues WHERE connection_id = @Id", new { connection.Id }, cancellationToken: cancel));
    }

    /// <summary>
    /// Leases the oldest free rows to one claim, in one statement. On PostgreSQL rows another process is claiming at
    /// the same moment are skipped (SKIP LOCKED), so N processes share the queue and no row has two holders.
    /// Live changes go before the marks of bulk runs (<paramref name="markedByBulk"/>: only a bulk run marked it since
    /// it was last read), so a large run delays nobody's edit by more than the run's share of the queue.
    /// <paramref name="held"/> narrows the rows further (the bulk marks of tenants whose quota is low).
    /// </summary>
    private string Claim(string table, string scope, string markedByBulk, string held) => $"""
        UPDATE {table} SET lease_token = @token, lease_until_ms = @until
        WHERE ({scope}, issue_id) IN (
            SELECT {scope}, issue_id FROM {table} WHERE (lease_until_ms IS NULL OR lease_until_ms < @now){held}
            ORDER BY CASE WHEN {markedByBulk} THEN 1 ELSE 0 END, first_seen_at_ms LIMIT @max{database.Dialect.SkipLocked})
        RETURNING {scope}, issue_id, issue_key, change_seq
        """;

    private static (string Table, string Scope) Table(DirtyIssue issue) =>
        issue.ClientKey is not null ? ("dirty_issues", "client_key") : ("connection_dirty_issues", "connection_id");
}

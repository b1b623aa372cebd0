using System.Data.Common;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// Invitations as the transport routes reach them: by connection id alone, because the caller is a node that holds
/// the code, not a tenant's user; the secret (checked by the caller against <see cref="InvitationRow.secret_hash"/>)
/// is the credential. Deleted connections have no invitation to find; the invitation of a tenant that uninstalled
/// the app counts as revoked (<see cref="InvitationRow.ToInvitation"/>). The methods take the caller's open
/// connection and transaction, so that consuming and activating commit together.
/// </summary>
public sealed class InvitationStore(Database database)
{
    /// <remarks>Within a transaction the invitation's row stays locked until the commit, so two accepts are serialised.</remarks>
    public async Task<InvitationRow?> FindAsync(DbConnection db, DbTransaction? transaction, string connectionId, CancellationToken cancel) =>
        await db.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition($"""
            SELECT i.connection_id, i.secret_hash, i.expires_at_ms, i.revoked_at_ms, i.consumed_at_ms, i.accepted_nonce_hash, i.accept_answer,
                   c.name, c.mode, c.type, c.status, c.local_project_key, c.local_project_name, t.uninstalled_at_ms,
                   c.local_site_title, t.base_url AS site_url
            FROM invitations i JOIN connections c ON c.id = i.connection_id LEFT JOIN tenants t ON t.client_key = c.client_key
            WHERE i.connection_id = @connectionId AND c.side = 'public' AND c.deleted_at_ms IS NULL{(transaction is null ? "" : database.Dialect.ForUpdateOf("i"))}
            """, new { connectionId }, transaction, cancellationToken: cancel));

    /// <summary>
    /// Consumes the invitation if, at <paramref name="now"/>, it is still open: one conditional UPDATE, so of two
    /// accepts racing only one can succeed. Records the nonce's hash and the answer a retry with that nonce gets.
    /// </summary>
    public async Task<bool> ConsumeAsync(DbConnection db, DbTransaction transaction, string connectionId, string nonceHash, string acceptAnswer,
        DateTimeOffset now, CancellationToken cancel) =>
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE invitations SET consumed_at_ms = @now, accepted_nonce_hash = @nonceHash, accept_answer = @acceptAnswer
            WHERE connection_id = @connectionId AND consumed_at_ms IS NULL AND revoked_at_ms IS NULL AND expires_at_ms > @now
            """, new { connectionId, nonceHash, acceptAnswer, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancel)) == 1;

    /// <summary>Makes the pending connection active with the accepting node's name, version and project, and its encrypted key.</summary>
    public async Task<bool> ActivateAsync(DbConnection db, DbTransaction transaction, string connectionId,
        string nodeName, string nodeVersion, string projectKey, string projectName, string? remoteJira, string protectedConnectionKey, DateTimeOffset now, CancellationToken cancel) =>
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE connections SET status = 'active', status_reason = NULL, remote_node_name = @nodeName, remote_node_version = @nodeVersion,
                   remote_project_key = @projectKey, remote_project_name = @projectName, remote_jira = @remoteJira, connection_key = @protectedConnectionKey,
                   activated_at_ms = @now, updated_at_ms = @now
            WHERE id = @connectionId AND side = 'public' AND status = 'pending' AND deleted_at_ms IS NULL
            """,
            new { connectionId, nodeName, nodeVersion, projectKey, projectName, remoteJira, protectedConnectionKey, now = now.ToUnixTimeMilliseconds() },
            transaction, cancellationToken: cancel)) == 1;
}

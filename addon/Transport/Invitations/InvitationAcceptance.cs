using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.Storage;

namespace ConnectAddon.Transport.Invitations;

/// <summary>
/// The public node's half of accepting an invitation (DESIGN §6). The secret is the credential: an unknown id and a
/// wrong secret answer alike. Consuming the invitation, activating the connection, storing its encrypted key and the
/// answer happen in one transaction; a retry with the same nonce gets that answer again, another nonce a 409.
/// Refusals are logged with the connection id and the reason, never with the secret or the nonce.
/// </summary>
public sealed class InvitationAcceptance(
    Database database, InvitationStore invitations, ConnectionKeyProtector keys, AddonSettings settings, TimeProvider clock,
    ILogger<InvitationAcceptance> logger)
{
    public async Task<Result<InvitationStatusAnswer>> StatusAsync(InvitationClaim claim, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var found = await invitations.FindAsync(db, null, claim.ConnectionId, cancel);
        if (found is null || !claim.Secret.MatchesHash(found.secret_hash))
            return Refused(claim.ConnectionId, "status asked for an unknown connection or with a wrong secret", ConnectionErrors.InvitationNotFound());
        var invitation = found.ToInvitation();
        return new InvitationStatusAnswer(invitation.StatusAt(clock.GetUtcNow()), found.name, found.mode, found.type, invitation.ExpiresAt.UtcDateTime);
    }

    /// <summary>The answer's JSON, exactly as stored (so a replay is identical), or why the accept is refused.</summary>
    public async Task<Result<string>> AcceptAsync(AcceptRequest request, CancellationToken cancel)
    {
        var id = request.Claim.ConnectionId;
        var now = clock.GetUtcNow();
        await using var db = await database.OpenAsync(cancel);
        // Immediate (write-locking) transaction: two accepts of one invitation are serialised, and the second sees the first's outcome.
        await using var transaction = await db.BeginTransactionAsync(cancel);
        var found = await invitations.FindAsync(db, transaction, id, cancel);
        if (found is null || !request.Claim.Secret.MatchesHash(found.secret_hash))
            return Refused(id, "unknown connection or wrong secret", ConnectionErrors.InvitationNotFound());

        var nonceHash = InvitationSecret.HashOf(request.Nonce);
        switch (found.ToInvitation().StatusAt(now))
        {
            case InvitationStatus.Used when InvitationSecret.FixedTimeEqualsHex(nonceHash, found.accepted_nonce_hash) && found.accept_answer is { } stored:
                logger.LogInformation("Accept of connection {ConnectionId} repeated with the same nonce; the stored answer is replayed", id);
                return stored;
            case InvitationStatus.Used:
                return Refused(id, "already accepted with another nonce", ConnectionErrors.InvitationUsed());
            case InvitationStatus.Revoked:
                return Refused(id, "the invitation was revoked", ConnectionErrors.InvitationRevoked());
            case InvitationStatus.Expired:
                return Refused(id, "the invitation has expired", ConnectionErrors.InvitationExpired());
        }

        var answer = new AcceptAnswer(id, found.name, found.mode, found.type,
            new AcceptAnswer.Node(InfoEndpoints.Describe(settings).Name, NodeVersion.Current, settings.BaseUrl.AbsoluteUri.TrimEnd('/')),
            new AcceptAnswer.Project(found.local_project_key, found.local_project_name),
            found.site_url is { } site ? new AcceptAnswer.Site(found.local_site_title, site) : null).ToJson();
        var connectionKey = keys.Protect(ConnectionKey.Derive(request.Claim.Secret.Bytes, request.Nonce));
        var accepted = await invitations.ConsumeAsync(db, transaction, id, nonceHash, answer, now, cancel)
            && await invitations.ActivateAsync(db, transaction, id, request.NodeName, request.NodeVersion, request.ProjectKey, request.ProjectName,
                request.Jira, connectionKey, now, cancel);
        if (!accepted)
        {
            // Unreachable while the transaction holds the write lock; if the rows changed anyway, nothing is half-done.
            await transaction.RollbackAsync(cancel);
            return Refused(id, "the invitation changed while it was being accepted", ConnectionErrors.InvitationUsed());
        }
        await transaction.CommitAsync(cancel);
        logger.LogInformation("Connection {ConnectionId} accepted by node {NodeName} {NodeVersion} on {Jira} into project {ProjectKey}",
            id, request.NodeName, request.NodeVersion, request.Jira ?? "an unnamed Jira", request.ProjectKey);
        return answer;
    }

    private ApiError Refused(string connectionId, string reason, ApiError error)
    {
        logger.LogWarning("Invitation of connection {ConnectionId} refused: {Reason}", connectionId, reason);
        return error;
    }
}

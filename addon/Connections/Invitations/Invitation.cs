namespace ConnectAddon.Connections.Invitations;

/// <summary>A public-side connection's invitation, without its secret (only a hash of which is ever stored).</summary>
public sealed record Invitation(DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? ConsumedAt)
{
    /// <summary>
    /// Used wins over revoked and expired (a consumed invitation did its job), revoked over expired. Valid means
    /// strictly before <see cref="ExpiresAt"/>, as the consuming UPDATE checks it.
    /// </summary>
    public string StatusAt(DateTimeOffset now) =>
        ConsumedAt is not null ? InvitationStatus.Used
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Valid;
}

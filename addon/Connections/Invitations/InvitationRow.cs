namespace ConnectAddon.Connections.Invitations;

/// <summary>An invitation with what the transport routes tell about its connection and tenant, as Dapper reads it; columns in this order.</summary>
public sealed record InvitationRow(
    string connection_id, string secret_hash, long expires_at_ms, long? revoked_at_ms, long? consumed_at_ms,
    string? accepted_nonce_hash, string? accept_answer,
    string name, string mode, string type, string status, string local_project_key, string local_project_name, long? uninstalled_at_ms,
    string? local_site_title, string? site_url)
{
    /// <summary>
    /// The invitation's state. Uninstalling the app revokes every open invitation of that tenant for as long as it
    /// stays uninstalled: an accepted connection could not sync (DESIGN §4, uninstall stops syncing).
    /// </summary>
    public Invitation ToInvitation() => new(
        DateTimeOffset.FromUnixTimeMilliseconds(expires_at_ms),
        (revoked_at_ms ?? uninstalled_at_ms) is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
        consumed_at_ms is { } consumed ? DateTimeOffset.FromUnixTimeMilliseconds(consumed) : null);

    // Records print every property; the hashes and the stored answer stay out of logs and test output.
    public override string ToString() => $"Invitation of {connection_id} ({status})";
}

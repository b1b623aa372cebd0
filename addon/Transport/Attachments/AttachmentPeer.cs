namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// Where a private node sends and fetches a connection's attachment bytes: the public node's base URL, and the
/// connection key (decrypted base64url text, as the poller uses it; never logged, never in a URL).
/// </summary>
public sealed record AttachmentPeer(string ConnectionId, Uri PublicNodeBaseUrl, string ConnectionKey)
{
    public override string ToString() => $"{ConnectionId} at {PublicNodeBaseUrl}"; // never the key
}

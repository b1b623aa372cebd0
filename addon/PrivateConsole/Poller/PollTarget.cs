namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>A private-side connection the poller exchanges for: its id, the public node's base URL and its key (decrypted; never logged).</summary>
public sealed record PollTarget(string ConnectionId, Uri PublicNodeBaseUrl, string ConnectionKey)
{
    public override string ToString() => $"{ConnectionId} at {PublicNodeBaseUrl}"; // never the key
}

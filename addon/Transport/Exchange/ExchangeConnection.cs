namespace ConnectAddon.Transport.Exchange;

/// <summary>What the exchange needs of a connection row: its status, whether it is deleted, and its key (decrypted).</summary>
public sealed record ExchangeConnection(string Id, string Status, bool IsDeleted, string? ConnectionKey)
{
    /// <summary>
    /// Whether events cross: active, and error (a health error, which only exchanges can clear). Deactivated
    /// connections keep their events queued on both sides until they are activated again.
    /// </summary>
    public bool EventsFlow => Status is Connections.ConnectionStatus.Active or Connections.ConnectionStatus.Error;
}

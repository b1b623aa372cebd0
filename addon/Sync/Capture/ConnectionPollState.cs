namespace ConnectAddon.Sync.Capture;

/// <summary>A connection's standing in the capture loop: failures in a row and when it may be polled again.</summary>
internal sealed class ConnectionPollState
{
    public int Failures { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

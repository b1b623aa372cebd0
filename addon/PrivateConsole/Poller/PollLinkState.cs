namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// What the answers so far said about one connection's link, shared by its long-poll and the requests sent beside it
/// (<see cref="ConnectionPoll"/>): failures in a row, and whether the public node has the connection deactivated.
/// </summary>
public sealed class PollLinkState
{
    public int Failures { get; set; }
    public bool Deactivated { get; set; }
}

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>What <see cref="ConnectionPoll"/> made of one exchange's outcome.</summary>
public enum PollTaken
{
    Answered,
    /// <summary>The public node deleted the connection: the loop stops for good.</summary>
    Deleted,
    /// <summary>No usable answer: counted, shown on the connection, and retried after a backoff.</summary>
    Failed,
}

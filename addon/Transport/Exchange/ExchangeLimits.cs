namespace ConnectAddon.Transport.Exchange;

/// <summary>The bounds of one exchange, the same on both sides (Transport/README.md).</summary>
public static class ExchangeLimits
{
    /// <summary>The longest a public node holds an exchange open; below the idle timeouts of common proxies (60 s).</summary>
    public const int MaxWaitSeconds = 50;

    /// <summary>Events per batch, each way.</summary>
    public const int MaxEventsPerBatch = 100;

    /// <summary>One event's payload: a replica with a long description fits; attachments travel separately.</summary>
    public const int MaxEventBytes = 256 * 1024;

    /// <summary>The payloads of one batch together; a batch holds at least one event whatever its size.</summary>
    public const int MaxBatchBytes = 1024 * 1024;

    /// <summary>A request or answer body: a full batch, its JSON framing and room to spare.</summary>
    public const int MaxBodyBytes = 2 * MaxBatchBytes;
}

namespace ConnectAddon.Transport.Exchange;

/// <summary>How the public node holds a private node's idle exchange (<c>Exchange:…</c>).</summary>
public sealed class ExchangeHoldOptions
{
    /// <summary>
    /// How often a held exchange re-reads the outbox although nothing woke it (<c>Exchange:HeldRecheck</c>): for an
    /// event queued by another process whose notification was lost, or on SQLite shared by processes, which has no
    /// notifications. Coarse, so an idle connection costs little.
    /// </summary>
    public TimeSpan HeldRecheck { get; set; } = TimeSpan.FromSeconds(5);
}

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>What <see cref="FaultingHandler"/> does to the private node's exchanges: counts them, and loses chosen answers.</summary>
public sealed class ExchangeFaults
{
    private int exchanges;
    private int lost;

    /// <summary>Answers still to lose after the public node acted, among those that carry events either way.</summary>
    public int LoseAnswersWithEvents;

    public int Exchanges => Volatile.Read(ref exchanges);
    public int Lost => Volatile.Read(ref lost);

    internal void Counted() => Interlocked.Increment(ref exchanges);

    internal bool TakeLoss()
    {
        if (Interlocked.Decrement(ref LoseAnswersWithEvents) < 0)
        {
            Interlocked.Increment(ref LoseAnswersWithEvents);
            return false;
        }
        Interlocked.Increment(ref lost);
        return true;
    }
}

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// The app's clock, moved only by the test: expiry and cache lifetimes without waiting. Timers and timestamps stay
/// real (the base class's), so timeouts and retry delays behave as in production.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

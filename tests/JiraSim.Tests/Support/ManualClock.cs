namespace JiraSim.Tests.Support;

/// <summary>A clock that moves only when a test says so, for limits measured in time.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

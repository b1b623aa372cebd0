namespace JiraSim.Faults;

/// <summary>
/// Jira Cloud's per-issue write limit ("Rate limiting": 20 writes per 2 seconds and 100 per 30 seconds to one
/// issue; beyond, 429 with <c>RateLimit-Reason: jira-per-issue-on-write</c>).
/// </summary>
public sealed class PerIssueWriteThrottle(TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> writes = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    /// <returns>Null when the write may go ahead (and is counted); else the seconds to wait.</returns>
    public int? TryWrite(string issueId)
    {
        var now = clock.GetUtcNow();
        lock (sync)
        {
            if (!writes.TryGetValue(issueId, out var times))
                writes[issueId] = times = new();
            while (times.Count > 0 && now - times.Peek() > TimeSpan.FromSeconds(30))
                times.Dequeue();
            var lastTwoSeconds = times.Count(t => now - t <= TimeSpan.FromSeconds(2));
            if (lastTwoSeconds >= 20)
                return 2;
            if (times.Count >= 100)
                return (int)Math.Ceiling((times.Peek() + TimeSpan.FromSeconds(30) - now).TotalSeconds);
            times.Enqueue(now);
            return null;
        }
    }
}

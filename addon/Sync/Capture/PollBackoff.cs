namespace ConnectAddon.Sync.Capture;

/// <summary>
/// The wait before polling again after Jira failed <c>failures</c> times in a row: doubling from the poll interval up
/// to the maximum, each wait drawn between half and all of that (jitter, so that nodes restarted together do not poll
/// in step), and never shorter than a <c>Retry-After</c> Jira asked for ("Rate limiting").
/// </summary>
public static class PollBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan interval, TimeSpan max, TimeSpan? retryAfter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = interval.Ticks * Math.Pow(2, Math.Min(failures, 30));
        var capped = Math.Min(ceiling, max.Ticks);
        var wait = TimeSpan.FromTicks((long)(capped / 2 + random.NextDouble() * capped / 2));
        if (wait < interval)
            wait = interval;
        return retryAfter is { } asked && asked > wait ? asked : wait;
    }
}

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// The wait after the n-th failed exchange in a row: doubling from the minimum up to the maximum, of which a random
/// half is taken off ("equal jitter"), so private nodes that lost the same public node do not all return at once.
/// </summary>
public static class PollerBackoff
{
    public static TimeSpan After(int failures, TimeSpan min, TimeSpan max, Random random)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var full = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full / 2 + random.NextDouble() * full / 2);
    }
}

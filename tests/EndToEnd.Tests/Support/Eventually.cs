using System.Diagnostics;

namespace EndToEnd.Tests.Support;

/// <summary>Waits for a condition, checking often, within a generous limit: no test sleeps for a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);

    /// <param name="explain">What to add to the failure message, read when the limit is reached (e.g. the nodes' output).</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null, Func<string>? explain = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > (limit ?? Limit))
                Assert.Fail($"Not within {(limit ?? Limit).TotalSeconds} s: {what}" + (explain is null ? "" : Environment.NewLine + explain()));
            await Task.Delay(CheckInterval);
        }
    }
}

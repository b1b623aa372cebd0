using System.Diagnostics;

namespace ConnectAddon.Tests.Support;

/// <summary>Waits for a condition, checking often, within a generous limit: no test sleeps for a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(50);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > (limit ?? Limit))
                Assert.Fail($"Not within {(limit ?? Limit).TotalSeconds} s: {what}");
            await Task.Delay(CheckInterval);
        }
    }
}

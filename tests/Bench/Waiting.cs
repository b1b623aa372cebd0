using System.Diagnostics;

namespace ConnectAddon.Bench;

/// <summary>
/// Waits for a condition by checking it often, within a generous limit; past the limit the benchmark fails loudly,
/// naming what did not happen, rather than printing figures of a run that did not complete.
/// </summary>
public static class Waiting
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan limit, CancellationToken cancel, Func<string>? explain = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
                throw new BenchmarkFailedException($"Not within {limit.TotalSeconds:0} s: {what}." + (explain is null ? "" : " " + explain()));
            await Task.Delay(CheckInterval, cancel);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan limit, CancellationToken cancel, Func<string>? explain = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, limit, cancel, explain);
}

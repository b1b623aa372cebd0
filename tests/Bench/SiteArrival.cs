using System.Diagnostics;
using JiraSim.Model;

namespace ConnectAddon.Bench;

/// <summary>
/// The moment a condition on a simulated site becomes true, taken in the site's own <see cref="SimSite.Changed"/>
/// event, which fires right after each change is made (a REST write by a node included). So the time is that of the
/// write itself, not of the next look by a polling loop. Create it before making the change it waits for.
/// </summary>
public sealed class SiteArrival : IDisposable
{
    private readonly SimSite site;
    private readonly Func<bool> condition;
    // Continuations run elsewhere: the event fires on the simulator's request thread, which must not wait for us.
    private readonly TaskCompletionSource<long> arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="condition">Checked under the site's lock, on every change of the site.</param>
    public SiteArrival(SimSite site, Func<bool> condition)
    {
        this.site = site;
        this.condition = condition;
        site.Changed += OnChanged;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the condition held, or a failure naming <paramref name="what"/> after <paramref name="limit"/>.</summary>
    public async Task<long> WaitAsync(string what, TimeSpan limit, CancellationToken cancel)
    {
        Check();
        try
        {
            return await arrived.Task.WaitAsync(limit, cancel);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailedException($"Not within {limit.TotalSeconds:0} s: {what}.");
        }
    }

    public void Dispose() => site.Changed -= OnChanged;

    private void OnChanged(SiteChange change) => Check();

    private void Check()
    {
        if (arrived.Task.IsCompleted)
            return;
        bool holds;
        lock (site.Sync)
            holds = condition();
        if (holds)
            arrived.TrySetResult(Stopwatch.GetTimestamp());
    }
}

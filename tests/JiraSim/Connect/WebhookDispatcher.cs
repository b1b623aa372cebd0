using System.Collections.Concurrent;
using System.Threading.Channels;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// Turns site changes into webhooks for the installed, enabled apps that subscribe to them. The body is built in
/// the <see cref="SimSite.Changed"/> handler, under the site's lock; delivery is asynchronous, through one queue
/// and a background loop, so a REST write never waits for an app. Each app's deliveries go one at a time in queue
/// order (a lane per app and site), so the order switches of <see cref="WebhookSwitches"/> are deterministic;
/// retries wait in the background without holding the lane.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly ConnectRuntime runtime;
    private readonly WebhookSender sender;
    private readonly Channel<WebhookDelivery> queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, SemaphoreSlim> lanes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> attached = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly IdleTracker idle = new();
    private readonly Task loop;
    private long lastChangelogId = 10000;

    public WebhookDispatcher(SimulatorState state, HttpClient http, ConnectRuntime runtime)
    {
        this.runtime = runtime;
        Switches = new WebhookSwitches(idle, Enqueue);
        sender = new WebhookSender(state, http, runtime, Switches.Log);
        state.SiteAdded += Attach;
        foreach (var site in state.Sites)
            Attach(site);
        loop = Task.Run(LoopAsync);
    }

    public WebhookSwitches Switches { get; }

    private void Attach(SimSite site)
    {
        if (attached.TryAdd(site.Key, true))
            site.Changed += change => OnChanged(site, change);
    }

    private void OnChanged(SimSite site, SiteChange change)
    {
        var deliveries = new List<WebhookDelivery>();
        lock (site.Sync)
        {
            string? body = null;
            foreach (var app in site.Apps.Values.Where(a => a.Enabled))
                foreach (var hook in AppDescriptor.Of(app).Webhooks.Where(w => w.Event == change.Event))
                {
                    body ??= WebhookBody.Build(site, change, () => Interlocked.Increment(ref lastChangelogId).ToString()).ToJsonString();
                    var url = AppDescriptor.Resolve(app.BaseUrl, WebhookUrl.Resolve(hook.Url, site, change));
                    deliveries.Add(new WebhookDelivery(Guid.NewGuid().ToString(), site.Key, app.Key, change.Event, url, hook.ExcludeBody ? "" : body));
                }
        }
        var twice = Switches.Twice;
        foreach (var delivery in deliveries)
        {
            Enqueue(delivery);
            if (twice)
                Enqueue(delivery);
        }
    }

    /// <summary>Drop and hold are decided here, at the change, so that a switch set before a change always applies to it.</summary>
    private void Enqueue(WebhookDelivery delivery)
    {
        if (Switches.TryDrop(delivery))
        {
            sender.LogWithoutSending(delivery, WebhookOutcome.Dropped, "dropped by WebhookSwitches.DropNext");
            return;
        }
        if (Switches.TryHold(delivery))
            return;
        idle.Enter();
        if (!queue.Writer.TryWrite(delivery))
            idle.Exit(); // shutting down
    }

    private async Task LoopAsync()
    {
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stopping.Token))
                _ = DeliverAsync(delivery); // runs up to its first wait now, so lanes are entered in queue order
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        var cancel = stopping.Token;
        try
        {
            var lane = lanes.GetOrAdd(delivery.SiteKey + "\n" + delivery.AppKey, _ => new SemaphoreSlim(1, 1));
            var policy = Switches.RetryPolicy;
            var delay = delivery.Released ? TimeSpan.Zero : Switches.Delay;
            if (delay > TimeSpan.Zero)
            {
                // Timers may fire a little early by the wall clock, and the switch promises "no sooner than".
                var due = DateTimeOffset.UtcNow + delay;
                for (var left = delay; left > TimeSpan.Zero; left = due - DateTimeOffset.UtcNow)
                    await Task.Delay(left + TimeSpan.FromMilliseconds(1), cancel);
            }
            for (var attempt = 1; ; attempt++)
            {
                WebhookOutcome outcome;
                await lane.WaitAsync(cancel);
                try { outcome = await sender.SendAsync(delivery, attempt, policy, cancel); }
                finally { lane.Release(); }
                if (outcome != WebhookOutcome.Retrying)
                    return;
                await Task.Delay(policy.DelayBefore(attempt + 1), cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        catch (Exception e)
        {
            // A fault of the simulator itself: show it in the log rather than lose it in an unobserved task.
            sender.LogWithoutSending(delivery, WebhookOutcome.GaveUp, "the simulator failed to deliver: " + e.Message);
        }
        finally
        {
            idle.Exit();
        }
    }

    /// <summary>Stops delivering: what is queued or waiting for a retry is abandoned, as when Jira goes away.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await loop;
    }
}

using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// Keeps one <see cref="ConnectionPoll"/> running per pollable connection of a private node: connections accepted since
/// are picked up at the next refresh, and a loop that stopped (deleted by the public node) or crashed is dropped, to
/// be restarted by the next refresh if the connection is still pollable. Does nothing on a public node.
/// </summary>
public sealed class ExchangePoller(AddonSettings settings, PollTargets targets, ConnectionPoll poll, IOptions<ExchangePollerOptions> options,
    TimeProvider clock, ILogger<ExchangePoller> logger) : BackgroundService
{
    private readonly Dictionary<string, Task> running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (settings.Role != NodeRole.Private)
            return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var finished in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                    running.Remove(finished);
                foreach (var target in await targets.ListAsync(stop))
                    if (!running.ContainsKey(target.ConnectionId))
                        running[target.ConnectionId] = RunAsync(target, stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not read the connections to exchange for; trying again shortly");
            }
            try
            {
                await Task.Delay(options.Value.ConnectionRefresh, clock, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running.Values);
    }

    private async Task RunAsync(PollTarget target, CancellationToken stop)
    {
        await Task.Yield();
        try
        {
            await poll.RunAsync(target, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e)
        {
            // The database failing under the loop, say: the next refresh starts it again.
            logger.LogError(e, "The exchange loop for {Connection} stopped", target);
        }
    }
}

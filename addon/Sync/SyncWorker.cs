using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync;

/// <summary>
/// The loop both sync workers run: nothing while the sync is paused (<see cref="SyncOptions.Enabled"/>); otherwise a
/// pass, and when it found nothing to do, a sleep until <paramref name="wakeUp"/> fires or
/// <see cref="SyncOptions.IdleRecheck"/> passes. A pass that fails is logged and the loop goes on after the same
/// interval, so one bad moment (a locked database, a bug on one row) never stops the sync.
/// </summary>
public abstract class SyncWorker(WakeUp wakeUp, IOptions<SyncOptions> options, ILogger logger) : BackgroundService
{
    protected SyncOptions Settings => options.Value;

    /// <summary>One pass; true when it did something (then the next pass follows at once).</summary>
    protected abstract Task<bool> PassAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            logger.LogWarning("The sync is paused on this node (Sync:Enabled is false): changes are recorded, not sent or applied");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await PassAsync(stoppingToken))
                    await wakeUp.WaitAsync(Settings.IdleRecheck, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "A pass of {Worker} failed; it goes on after {Wait}", GetType().Name, Settings.IdleRecheck);
                try { await Task.Delay(Settings.IdleRecheck, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

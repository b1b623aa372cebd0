namespace ConnectAddon.Hosting;

/// <summary>
/// Housekeeping that runs at start and then every hour in every process (pruning what has outlived its use). A failed
/// run is logged and tried again at the next hour: nothing that waits for it is lost meanwhile, only kept longer.
/// </summary>
public abstract class HourlyChore(ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>What the chore does, for the log line of a failed run ("Pruning webhook delivery ids").</summary>
    protected abstract string What { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{What} failed; will try again in an hour", What);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

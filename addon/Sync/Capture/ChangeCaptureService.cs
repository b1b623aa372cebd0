using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Connections;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// On a private node, polls the local Jira for every connection this node holds, every <c>PrivateNode:PollInterval</c>.
/// Deleted connections are not polled; deactivated ones are, because their changes keep queuing (DESIGN §6). A
/// connection whose poll fails waits longer each time (<see cref="PollBackoff"/>) without holding up the others, and
/// is polled as usual again after its first success.
/// </summary>
public sealed class ChangeCaptureService(
    AddonSettings settings,
    PrivateConnectionStore connections,
    JqlChangeDetector detector,
    IOptions<ChangeCaptureOptions> options,
    TimeProvider clock,
    ILogger<ChangeCaptureService> logger) : BackgroundService
{
    private readonly Dictionary<string, ConnectionPollState> states = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Role != NodeRole.Private)
            return;
        var interval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollDueConnectionsAsync(stoppingToken);
            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    private async Task PollDueConnectionsAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<Connection> current;
        try
        {
            current = await connections.ListAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Listing connections for change capture failed; trying again next round");
            return;
        }

        foreach (var gone in states.Keys.Except(current.Select(c => c.Id)).ToList())
            states.Remove(gone);
        foreach (var connection in current)
        {
            if (!states.TryGetValue(connection.Id, out var state))
                states[connection.Id] = state = new ConnectionPollState();
            if (state.DueAt <= clock.GetUtcNow())
                await PollAsync(connection, state, stoppingToken);
        }
    }

    private async Task PollAsync(Connection connection, ConnectionPollState state, CancellationToken stoppingToken)
    {
        TimeSpan? retryAfter = null;
        string reason;
        try
        {
            var poll = await detector.PollAsync(connection, stoppingToken);
            if (poll.IsSuccess)
            {
                if (state.Failures > 0)
                    logger.LogInformation("Change capture of connection {Connection} recovered after {Failures} failed polls", connection.Id, state.Failures);
                state.Failures = 0;
                state.DueAt = DateTimeOffset.MinValue;
                return;
            }
            retryAfter = poll.Error.RetryAfter;
            reason = poll.Error.ToString();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            reason = e.Message;
            logger.LogError(e, "Change capture of connection {Connection} failed", connection.Id);
        }

        state.Failures++;
        var settings = options.Value;
        var wait = PollBackoff.Delay(state.Failures, settings.PollInterval, settings.MaxPollBackoff, retryAfter, Random.Shared);
        state.DueAt = clock.GetUtcNow() + wait;
        logger.LogWarning("Change capture of connection {Connection} failed ({Failures} in a row), next try in {Wait}: {Reason}",
            connection.Id, state.Failures, wait, reason);
    }
}

using ConnectAddon.Hosting;

namespace ConnectAddon.PrivateConsole;

/// <summary>
/// Reads which Jira this node has as soon as it starts, so the log says at once what it found or why it cannot work
/// with it (<see cref="LocalJiraServer"/> logs each change), and again while it is not usable. A wrong URL or an old
/// Jira never stops the node: the console stays up to say what is wrong.
/// </summary>
internal sealed class LocalJiraCheck(LocalJiraServer server, AddonSettings settings, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Role != NodeRole.Private)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var product = await server.IdentifyAsync(stoppingToken);
            await Task.Delay(product.IsSuccess ? LocalJiraServer.KnownFor : LocalJiraServer.RetryAfterFailure, clock, stoppingToken);
        }
    }
}

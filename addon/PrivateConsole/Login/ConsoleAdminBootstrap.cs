using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// Makes sure the console's admin can log in, before the node serves requests (hosted services start before the
/// server, after the migrations): the configured password's hash is stored, or on a first start without one a
/// password is generated and shown once on standard output. The password itself is never logged or stored.
/// </summary>
internal sealed class ConsoleAdminBootstrap(AddonSettings settings, IOptions<ConsoleOptions> options, ConsoleCredentialStore credentials, ConsoleSessionStore sessions, ILogger<ConsoleAdminBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancel)
    {
        if (settings.Role != NodeRole.Private)
            return;
        var configured = options.Value.AdminPassword;
        var stored = await credentials.FindHashAsync(ConsoleOptions.AdminUser, cancel);

        if (!string.IsNullOrEmpty(configured))
        {
            // Rehashing an unchanged password would only churn the row (and race other processes) for nothing.
            if (stored is null || !ConsolePassword.Verify(configured, stored))
            {
                await credentials.SetAsync(ConsoleOptions.AdminUser, ConsolePassword.Hash(configured), cancel);
                // A new password ends the sessions opened with the old one.
                var ended = await sessions.EndAllAsync(ConsoleOptions.AdminUser, cancel);
                logger.LogInformation("Console password of '{User}' set from {Key}; {Count} session(s) ended", ConsoleOptions.AdminUser, ConsoleOptions.Section + ":AdminPassword", ended);
            }
            return;
        }
        if (stored is not null)
            return;

        var generated = ConsolePassword.Generate();
        if (await credentials.AddIfAbsentAsync(ConsoleOptions.AdminUser, ConsolePassword.Hash(generated), cancel))
        {
            // Standard output, not the log: it is shown to the operator once and must not be kept by a log pipeline.
            System.Console.WriteLine($"Console admin password (shown once): {generated}");
            logger.LogWarning("Generated the console password of '{User}' and printed it once on standard output; set {Key} to choose your own",
                ConsoleOptions.AdminUser, ConsoleOptions.Section + ":AdminPassword");
        }
    }

    public Task StopAsync(CancellationToken cancel) => Task.CompletedTask;
}

using ConnectAddon.Connect.Tenants;
using ConnectAddon.Jira;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Forge;

/// <summary>
/// A site installed only through Forge is known by its cloudId and API base URL; people open it at its own address,
/// which links to issues need. Events do not say it; Jira's serverInfo does, asked with the app token as soon as the
/// installation is recorded (in the background: the lifecycle call has 5 s). A page's token names it too.
/// </summary>
public sealed class ForgeSiteAddress(JiraClientFactory jira, Database database, TenantStore tenants, IHostApplicationLifetime lifetime, ILogger<ForgeSiteAddress> logger)
{
    public void LearnInBackground(Tenant tenant)
    {
        // Only a site known by nothing but its API base URL (which a Forge-only tenant starts with as its address).
        if (tenant.ConnectInstalled || tenant.Forge is not { } forge
            || !tenant.BaseUrl.AbsoluteUri.TrimEnd('/').Equals(forge.ApiBaseUrl.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return;
        _ = Task.Run(() => LearnAsync(tenant, lifetime.ApplicationStopping));
    }

    public async Task LearnAsync(Tenant tenant, CancellationToken cancel)
    {
        try
        {
            var info = await jira.For(tenant).GetServerInfoAsync(cancel);
            if (!info.IsSuccess || !Uri.TryCreate(info.Value.BaseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http"))
            {
                logger.LogInformation("The address of Forge site {ClientKey} is not known yet: {Reason}", tenant.ClientKey, info.IsSuccess ? "serverInfo names none" : info.Error.ToString());
                return;
            }
            await using var connection = await database.OpenAsync(cancel);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE tenants SET base_url = @site WHERE client_key = @key AND shared_secret IS NULL",
                new { site = site.GetLeftPart(UriPartial.Path).TrimEnd('/'), key = tenant.ClientKey }, cancellationToken: cancel));
            tenants.Forget(tenant.ClientKey);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
    }
}

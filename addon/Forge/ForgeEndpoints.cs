using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Hosting;
using ConnectAddon.Sync.Outgoing;

namespace ConnectAddon.Forge;

/// <summary>
/// What Forge itself calls (manifest.yml's endpoints with a route): POST, a Forge Invocation Token, 5 s to answer,
/// up to 4 retries on anything but 2xx ("Forge Remote essentials"). Each records what it must and answers 204; the
/// work happens later, as for webhooks (DESIGN §3, step 1).
/// </summary>
public static class ForgeEndpoints
{
    // Jira event bodies carry the whole issue; as for webhooks, 4 MiB is far above a real one and bounds memory.
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static void MapForgeEndpoints(this IEndpointRouteBuilder routes)
    {
        var forge = routes.MapGroup("/forge").RequireForgeInvocation();
        forge.MapPost("/events", EventAsync);
        forge.MapPost("/lifecycle", (ForgeInvocation call, ForgeSiteAddress site, ILogger<ForgeInvocation> logger) =>
        {
            if (call.Tenant is { } tenant)
            {
                logger.LogInformation("Forge lifecycle call for tenant {ClientKey} (installation {Installation}, {Environment})",
                    tenant.ClientKey, call.Token.InstallationId, call.Token.Environment);
                site.LearnInBackground(tenant);
            }
            return Results.NoContent();
        });
        // The token came with the call (the authentication kept it); what changed meanwhile is looked for at once.
        forge.MapPost("/scheduled", (ForgeInvocation call, CatchUpSignal catchUp) =>
        {
            if (call.Tenant is not null)
                catchUp.Notify();
            return Results.NoContent();
        });
        forge.MapPost("/uninstalling", async (ForgeInvocation call, ForgeInstallations installations, ILogger<ForgeInvocation> logger, CancellationToken cancel) =>
        {
            if (call.Tenant is { } tenant && await installations.MarkUninstalledAsync(tenant, call.Token.InstallationId, cancel))
                logger.LogInformation("The Forge app is being uninstalled from tenant {ClientKey}; its data stays", tenant.ClientKey);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> EventAsync(HttpContext http, ForgeInvocation call, DirtyIssueLog log, ILogger<ForgeInvocation> logger)
    {
        var body = await RequestBody.ReadJsonAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (!body.IsSuccess)
            return body.Error.ToResult();
        using var document = body.Value;
        var notice = ForgeEvent.Parse(document.RootElement);
        if (!notice.IsSuccess)
            return notice.Error.ToResult();
        if (call.Tenant is not { } tenant)
        {
            // An event that arrives after the app was uninstalled (they may be up to 3 minutes late): nothing to sync.
            logger.LogInformation("A Forge event for uninstalled installation {Installation} was not recorded", call.Token.InstallationId);
            return Results.NoContent();
        }
        if (notice.Value is { } changed)
            await log.RecordAsync(tenant.ClientKey, ForgeEvent.DeliveryId(document.RootElement), changed, http.RequestAborted);
        return Results.NoContent();
    }
}

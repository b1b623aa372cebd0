using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Lifecycle;

/// <summary>
/// The lifecycle callbacks the descriptor declares. <c>installed</c>/<c>uninstalled</c> are signed by Atlassian
/// (RS256, signed-install); <c>enabled</c>/<c>disabled</c> with the tenant's shared secret (HS256).
/// Each answers 204 quickly, or a 4xx that says what was wrong and changes nothing.
/// </summary>
public static class LifecycleEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static void MapLifecycle(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/lifecycle");
        group.MapPost("/installed", Installed);
        group.MapPost("/uninstalled", Uninstalled);
        var shared = routes.MapGroup("/lifecycle").RequireJiraJwt();
        shared.MapPost("/enabled", (HttpContext http, JiraCaller caller, TenantStore tenants) => SetEnabled(http, caller, tenants, "enabled", true));
        shared.MapPost("/disabled", (HttpContext http, JiraCaller caller, TenantStore tenants) => SetEnabled(http, caller, tenants, "disabled", false));
    }

    private static async Task<IResult> Installed(HttpContext http, InstallRequestVerifier verifier, TenantStore tenants,
        AddonSettings settings, ILogger<LifecyclePayload> logger)
    {
        var signed = await ReadSignedAsync(http, verifier, "installed");
        if (!signed.IsSuccess)
            return signed.Error.ToResult();
        var payload = signed.Value;
        if (payload.Key != settings.Key)
            return ApiError.BadRequest($"The body's key '{payload.Key}' is not this app's key.").ToResult();
        if (string.IsNullOrEmpty(payload.SharedSecret))
            return ApiError.BadRequest("The installed body has no sharedSecret.").ToResult();
        if (payload.BaseUrl is null)
            return ApiError.BadRequest("The installed body has no baseUrl.").ToResult();

        var existing = await tenants.FindAsync(payload.ClientKey, http.RequestAborted);
        await tenants.UpsertAsync(new Tenant
        {
            ClientKey = payload.ClientKey,
            AppKey = payload.Key,
            BaseUrl = payload.BaseUrl,
            DisplayUrl = payload.DisplayUrl,
            ProductType = payload.ProductType,
            Description = payload.Description,
            CloudId = payload.CloudId,
            ServerVersion = payload.ServerVersion,
            PluginsVersion = payload.PluginsVersion,
            SharedSecret = payload.SharedSecret,
        }, http.RequestAborted);
        logger.LogInformation("{Action} tenant {ClientKey} at {BaseUrl}",
            existing is null ? "Installed" : "Reinstalled", payload.ClientKey, payload.BaseUrl);
        return Results.NoContent();
    }

    private static async Task<IResult> Uninstalled(HttpContext http, InstallRequestVerifier verifier, TenantStore tenants, ILogger<LifecyclePayload> logger)
    {
        var signed = await ReadSignedAsync(http, verifier, "uninstalled");
        if (!signed.IsSuccess)
            return signed.Error.ToResult();
        // An uninstall of a tenant we never knew, or already uninstalled, has nothing to undo: 204 all the same.
        if (await tenants.MarkUninstalledAsync(signed.Value.ClientKey, http.RequestAborted))
            logger.LogInformation("Uninstalled tenant {ClientKey}; its data is kept", signed.Value.ClientKey);
        return Results.NoContent();
    }

    private static async Task<IResult> SetEnabled(HttpContext http, JiraCaller caller, TenantStore tenants, string eventType, bool enabled)
    {
        var payload = await ReadPayloadAsync(http, eventType);
        if (!payload.IsSuccess)
            return payload.Error.ToResult();
        if (payload.Value.ClientKey != caller.Tenant.ClientKey)
            return JwtRefusal.Because("The body's clientKey is not the tenant that signed the request.").ToResult();
        await tenants.SetEnabledAsync(caller.Tenant.ClientKey, enabled, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<Result<LifecyclePayload>> ReadSignedAsync(HttpContext http, InstallRequestVerifier verifier, string eventType)
    {
        var issuer = await verifier.VerifyAsync(http);
        if (!issuer.IsSuccess)
            return issuer.Error;
        var payload = await ReadPayloadAsync(http, eventType);
        if (!payload.IsSuccess)
            return payload.Error;
        if (payload.Value.ClientKey != issuer.Value)
            return JwtRefusal.Because("The token's iss is not the body's clientKey.");
        return payload;
    }

    private static async Task<Result<LifecyclePayload>> ReadPayloadAsync(HttpContext http, string eventType)
    {
        var body = await RequestBody.ReadJsonAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (!body.IsSuccess)
            return body.Error;
        using var document = body.Value;
        var payload = LifecyclePayload.Parse(document.RootElement);
        if (payload.IsSuccess && payload.Value.EventType != eventType)
            return ApiError.BadRequest($"The body's eventType '{payload.Value.EventType}' does not match this callback ('{eventType}').");
        return payload;
    }
}

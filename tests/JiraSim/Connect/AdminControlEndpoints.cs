using JiraSim.Faults;
using JiraSim.Rest;

namespace JiraSim.Connect;

/// <summary>The admin API's controls: faults, the per-issue write limit, request counts, apps, the webhook log.</summary>
public static class AdminControlEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/sites/{site}/faults", ArmFault);
        admin.MapDelete("/sites/{site}/faults", (string site, SimulatorState state) => WithSite(state, site, s => { state.Faults(s.Key).Clear(); return Results.NoContent(); }));
        admin.MapPut("/sites/{site}/per-issue-write-limit", SetWriteLimit);
        admin.MapGet("/sites/{site}/requests", (string site, SimulatorState state) => WithSite(state, site, s => Results.Json(s.Requests.Snapshot())));
        admin.MapDelete("/sites/{site}/requests", (string site, SimulatorState state) => WithSite(state, site, s => { s.Requests.Reset(); return Results.NoContent(); }));
        admin.MapPost("/sites/{site}/apps", InstallApp);
        admin.MapDelete("/sites/{site}/apps/{appKey}", UninstallApp);
        admin.MapGet("/webhooks", (SimulatorState state) => Results.Json(state.Connect.Webhooks.Log.Entries.Select(e => new
        {
            site = e.SiteKey, app = e.AppKey, webhookEvent = e.Event, url = e.Url.ToString(), identifier = e.Identifier, attempt = e.Attempt,
            status = e.Status, error = e.Error, outcome = e.Outcome.ToString(), at = e.At,
        }).ToList()));
    }

    /// <summary>{"endpoint": "POST /rest/api/3/issue" (or none: every endpoint), "status": 429, "delayMs": 0, "times": 1, "retryAfterSeconds": 2, "rateLimitReason": "jira-burst-based"}.</summary>
    private static async Task<IResult> ArmFault(string site, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        var status = AdminJson.Number(body, "status");
        var delay = AdminJson.Number(body, "delayMs") is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        if (status is null && delay is null)
            return AdminJson.Error(400, "Give a status, a delayMs, or both.");
        state.Faults(simSite.Key).Add(new FaultRule(AdminJson.Text(body, "endpoint"), status, delay, AdminJson.Number(body, "times"))
        {
            RetryAfterSeconds = AdminJson.Number(body, "retryAfterSeconds"),
            RateLimitReason = AdminJson.Text(body, "rateLimitReason"),
        });
        return Results.NoContent();
    }

    /// <summary>{"enabled": true}: Jira's per-issue write throttle on or off.</summary>
    private static async Task<IResult> SetWriteLimit(string site, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (body!["enabled"] is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<bool>(out var enabled))
            return AdminJson.Error(400, "enabled must be true or false.");
        state.Faults(simSite.Key).PerIssueWriteLimit = enabled;
        return Results.NoContent();
    }

    /// <summary>{"descriptorUrl": "http://…/atlassian-connect.json"}: installs like Settings → Apps → Upload app. 502 with the app's answer if it refuses.</summary>
    private static async Task<IResult> InstallApp(string site, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (AdminJson.Text(body, "descriptorUrl") is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var descriptorUrl))
            return AdminJson.Error(400, "descriptorUrl must be an absolute URL.");
        try
        {
            var app = await state.Connect.Installer.InstallAsync(simSite, descriptorUrl, request.HttpContext.RequestAborted);
            return Results.Json(AdminJson.App(app));
        }
        catch (AppInstallException e)
        {
            return Results.Json(new { error = e.Message, status = e.Status, body = e.Body }, statusCode: 502);
        }
    }

    private static async Task<IResult> UninstallApp(string site, string appKey, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        try
        {
            var call = await state.Connect.Installer.UninstallAsync(simSite, appKey, request.HttpContext.RequestAborted);
            return Results.Json(new { uninstalled = appKey, callbackStatus = call?.Status });
        }
        catch (ArgumentException e)
        {
            return AdminJson.Error(404, e.Message);
        }
    }

    private static IResult WithSite(SimulatorState state, string site, Func<Model.SimSite, IResult> action) =>
        state.FindSite(site) is { } simSite ? action(simSite) : AdminJson.NoSite(site);
}

using JiraSim.Auth;
using JiraSim.DataCenter;
using JiraSim.Faults;
using JiraSim.Model;
using JiraSim.Rest;
using Microsoft.AspNetCore.Routing.Patterns;

namespace JiraSim;

/// <summary>
/// In front of every site REST endpoint: find the site ({site} route value), answer 404 where its deployment has no
/// such API, count the request per endpoint, apply armed faults, authenticate (as Cloud or as Data Center does), apply the per-issue write limit, then hand the handler a <see cref="SimCaller"/>.
/// </summary>
public sealed class SiteRequestMiddleware(RequestDelegate next, SimulatorState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<SiteRestEndpoint>() is not { } marker || endpoint is not RouteEndpoint route)
        {
            await next(http);
            return;
        }
        var viaForge = http.Request.RouteValues.ContainsKey("cloudId");
        var site = viaForge ? state.FindSiteByCloudId(http.Request.RouteValues["cloudId"] as string) : state.FindSite(http.Request.RouteValues["site"] as string);
        if (site is null)
        {
            await JiraErrors.Status(404, "No such site.").ExecuteAsync(http);
            return;
        }
        // A Data Center has no REST v3 (nor Connect or Forge); the simulator's Cloud sites answer v2 only for serverInfo.
        // Jira's REST layer (Jersey) words a missing resource "null for uri: {the request's URL}".
        if (!marker.Serves(site))
        {
            await JiraErrors.Status(404, "null for uri: " + Microsoft.AspNetCore.Http.Extensions.UriHelper.GetDisplayUrl(http.Request)).ExecuteAsync(http);
            return;
        }

        var name = EndpointName(http.Request.Method, route.RoutePattern);
        site.Requests.Add(name);

        var faults = state.Faults(site.Key);
        if (faults.Take(name) is { } fault)
        {
            if (fault.Delay is { } delay)
                await Task.Delay(delay, http.RequestAborted);
            if (fault is { Html: { } html, Status: { } htmlStatus })
            {
                await Results.Content(html, "text/html; charset=utf-8", statusCode: htmlStatus).ExecuteAsync(http);
                return;
            }
            if (fault.Status is { } status)
            {
                if (fault.RetryAfterSeconds is { } seconds)
                    http.Response.Headers.RetryAfter = seconds.ToString();
                if (fault.RateLimitReason is { } reason)
                    http.Response.Headers["RateLimit-Reason"] = reason;
                await JiraErrors.Status(status, status == 429 ? "Rate limit exceeded." : "Injected failure.").ExecuteAsync(http);
                return;
            }
        }

        var (caller, refusal) = site.IsDataCenter ? DataCenterAuthenticator.Authenticate(http, site)
            : viaForge ? Refusal(SimAuthenticator.ForgeAppToken(http, site, state.Forge))
            : Refusal(SimAuthenticator.Authenticate(http, site));
        if (caller is null)
        {
            await refusal!.ExecuteAsync(http);
            return;
        }

        if (faults.PerIssueWriteLimit && !HttpMethods.IsGet(http.Request.Method)
            && http.Request.RouteValues["issueIdOrKey"] is string issueIdOrKey)
        {
            string? issueId;
            lock (site.Sync)
                issueId = site.FindIssue(issueIdOrKey)?.Id;
            if (issueId is not null && state.Throttle(site.Key).TryWrite(issueId) is { } wait)
            {
                http.Response.Headers.RetryAfter = wait.ToString();
                http.Response.Headers["RateLimit-Reason"] = "jira-per-issue-on-write";
                await JiraErrors.Status(429, "Too many writes to this issue.").ExecuteAsync(http);
                return;
            }
        }

        http.Features.Set(caller);
        if (state.Quota is { } quota && caller.IsApp && !site.IsDataCenter)
            await MeteredAsync(http, site.Key, name, quota);
        else
            await next(http);
    }

    /// <summary>The app's points quota: refused once spent this window (Jira's hour); else answered, its cost counted, the headers Jira sends.</summary>
    private async Task MeteredAsync(HttpContext http, string siteKey, string name, PointsQuota quota)
    {
        var remaining = Math.Max(0, quota.Points - quota.Spent(siteKey));
        var reset = quota.SecondsToReset;
        http.Response.Headers["Beta-RateLimit-Policy"] = $"\"{quota.Policy}\";q={quota.Points};w={(int)quota.Window.TotalSeconds}";
        http.Response.Headers["Beta-RateLimit"] = $"\"{quota.Policy}\";r={remaining};t={reset}";
        if (remaining == 0)
        {
            quota.CountRefusal();
            http.Response.Headers.RetryAfter = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Reason"] = quota.Reason;
            http.Response.Headers["X-RateLimit-Reset"] = quota.NextReset.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            await JiraErrors.Status(429, "Rate limit exceeded.").ExecuteAsync(http);
            return;
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        quota.Charge(siteKey, PointsQuota.Cost(http.Request.Method, name, http.Response.StatusCode, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static (SimCaller?, IResult?) Refusal((SimCaller? Caller, string? Refusal) result) =>
        (result.Caller, result.Caller is null ? JiraErrors.Unauthorized(result.Refusal!) : null);

    /// <summary>"GET /rest/api/3/issue/{issueIdOrKey}": the route without the site's prefix (its own URL's, or Forge's API base URL's).</summary>
    public static string EndpointName(string method, RoutePattern pattern)
    {
        var text = pattern.RawText ?? "";
        foreach (var prefix in new[] { "/{site}", SimulatorApp.ForgeApiPrefix })
            if (text.StartsWith(prefix + "/", StringComparison.Ordinal))
                return method.ToUpperInvariant() + " " + text[prefix.Length..];
        return method.ToUpperInvariant() + " " + text;
    }
}

using System.Globalization;
using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// "Get Jira instance info" (<c>serverInfo</c>), on both flavours and, on Cloud, under v2 too (real Cloud answers
/// both), so one call tells a client which Jira it talks to. Cloud answers the ServerInformation schema's values
/// (deploymentType "Cloud", version 1001.0.0-SNAPSHOT). A Data Center site answers as Jira 9.12 does: its version,
/// its build number (major·100000 + minor·1000 + patch, 9.12.15 → 912015), the server time in its zone, and
/// deploymentType <b>"Server"</b>: Data Center reports "Server" whatever its licence (the answers of real instances
/// as clients record them, 8.5 in gitlab-org/gitlab#229223 and 9.4, 9.12, 10.3 elsewhere, all say "Server", none
/// "DataCenter"; "Get server info" in the 9.12 REST reference).
/// </summary>
public static class ServerInfo
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/serverInfo", (SimCaller caller) => Results.Json(caller.Site.IsDataCenter ? DataCenter(caller.Site) : Cloud(caller.Site)));

    private static object Cloud(SimSite site) => new
    {
        baseUrl = site.BaseUrlText,
        version = "1001.0.0-SNAPSHOT",
        versionNumbers = new[] { 1001, 0, 0 },
        deploymentType = "Cloud",
        buildNumber = 100248,
        serverTitle = "Jira (" + site.Key + ")",
    };

    private static object DataCenter(SimSite site)
    {
        var numbers = site.Version.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Concat([0, 0, 0]).Take(3).ToArray();
        var build = numbers[0] * 100000 + numbers[1] * 1000 + numbers[2];
        return new
        {
            baseUrl = site.BaseUrlText,
            version = site.Version,
            versionNumbers = numbers,
            deploymentType = "Server",
            buildNumber = build,
            buildDate = JiraTime.Format(site, new DateTimeOffset(2024, 11, 20, 0, 0, 0, TimeSpan.Zero)),
            databaseBuildNumber = build,
            serverTime = JiraTime.Format(site, site.Clock.GetUtcNow()),
            scmInfo = "a6982cff65627fb3fa50669b736095827f0ea0a7",
            serverTitle = "Jira",
        };
    }
}

using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// Which home the Connections page is in and where its API is: <see cref="ForScript"/> is what the page's script
/// reads from <c>&lt;script type="application/json" id="config"&gt;</c>; the rest fills the template.
/// </summary>
public sealed record ConnectionsPageConfig
{
    /// <summary><c>jira</c> (in Jira's iframe, context tokens from all.js) or <c>console</c> (the private node's cookie login).</summary>
    public required string Mode { get; init; }
    public required string AppName { get; init; }
    public required string ApiBase { get; init; }
    /// <summary>The Jira site the page is shown in (Jira mode).</summary>
    public string? Site { get; init; }
    public string? LoginUrl { get; init; }
    public string? LogoutUrl { get; init; }

    public required string Title { get; init; }
    /// <summary>Where the page's scripts and styles are, ending in <c>/</c>.</summary>
    public required string AssetBase { get; init; }
    /// <summary>Atlassian's iframe bridge; only Jira mode loads it.</summary>
    public Uri? AllJsUrl { get; init; }

    public object ForScript() => new { Mode, AppName, ApiBase, Site, LoginUrl, LogoutUrl };

    // URLs as the browser sees them: Jira loads the page from Addon:BaseUrl, so its prefix is part of every path
    // whether or not a reverse proxy strips it before the request reaches us.
    public static ConnectionsPageConfig ForJira(AddonSettings settings, Uri siteBaseUrl) => new()
    {
        Mode = "jira",
        AppName = settings.Name,
        ApiBase = settings.BasePath + "/api/admin",
        Site = siteBaseUrl.ToString().TrimEnd('/'),
        Title = settings.Name + " · Connections",
        AssetBase = settings.BasePath + PageAssets.RoutePrefix,
        AllJsUrl = settings.AllJsUrl,
    };

    // The console is reached on the intranet, not necessarily at Addon:BaseUrl: paths are relative to the host.
    public static ConnectionsPageConfig ForConsole(AddonSettings settings, PathString pathBase) => new()
    {
        Mode = "console",
        AppName = settings.Name,
        ApiBase = pathBase + "/api/console",
        LoginUrl = pathBase + "/console/login",
        LogoutUrl = pathBase + "/console/logout",
        Title = settings.Name + " console · Connections",
        AssetBase = pathBase + PageAssets.RoutePrefix,
    };
}

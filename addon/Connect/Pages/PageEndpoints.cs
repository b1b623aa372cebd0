using ConnectAddon.Forge;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The pages: the Connections page in two homes (Jira's iframe on a public node, the console on a private node),
/// its static files, and the issue glance. Jira loads its pages with a page-load JWT in the <c>jwt</c> query
/// parameter; the console page itself is open, because everything it shows comes from the console API behind
/// the console's login.
/// </summary>
public static class PageEndpoints
{
    /// <summary>
    /// The pages of this node's role: Jira's pages and <c>/api/session</c> on a public node, the console page on a
    /// private node, and on both the scripts and styles those pages load (the template itself is only served filled in).
    /// </summary>
    public static void MapPages(this IEndpointRouteBuilder routes)
    {
        var settings = routes.ServiceProvider.GetRequiredService<AddonSettings>();
        var webRoot = routes.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var connectionsPage = new ConnectionsPage(webRoot);
        var issueSyncPage = new IssueSyncPage(webRoot, settings);

        routes.MapGet(PageAssets.RoutePrefix + "{file}", (string file, HttpContext http) => PageAssets.Serve(webRoot, file, http));
        if (settings.Role == NodeRole.Private)
        {
            routes.MapGet("/console", (HttpContext http) =>
                connectionsPage.Render(http, ConnectionsPageConfig.ForConsole(settings, http.Request.PathBase), PageFraming.Nowhere));
            return;
        }

        var pages = routes.MapGroup("/pages").RequireJiraJwt();
        pages.MapGet("/connections", (JiraCaller caller, HttpContext http) =>
            connectionsPage.Render(http, ConnectionsPageConfig.ForJira(settings, caller.Tenant.BaseUrl), PageFraming.ByJira(caller.Tenant)));
        // The issue glance's panel; its API is the issue view's (Sync/IssueView), which checks the user's permissions.
        pages.MapGet("/issue-sync", (JiraCaller caller, HttpContext http, string? issueId, string? issueKey, string? projectKey) =>
            issueSyncPage.Render(http, PageFraming.ByJira(caller.Tenant), issueId, issueKey, projectKey));
        routes.MapGet(IssueSyncPage.AssetRoutePrefix + "{file}", (string file, HttpContext http) => issueSyncPage.Asset(file, http));

        // What the pages' script asks first, with a context token (AP.context.getToken()).
        routes.MapGroup("/api").RequireJiraPageCall().MapGet("/session", (JiraCaller caller) => Results.Json(new
        {
            tenant = caller.Tenant.BaseUrl.ToString().TrimEnd('/'),
            accountId = caller.AccountId,
        }));
    }
}

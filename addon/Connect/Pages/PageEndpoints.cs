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
    public static void MapPages(this IEndpointRouteBuilder routes)
    {
        var settings = routes.ServiceProvider.GetRequiredService<AddonSettings>();
        var webRoot = routes.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var connectionsPage = new ConnectionsPage(webRoot);

        var pages = routes.MapGroup("/pages").RequireJiraJwt();
        pages.MapGet("/connections", (JiraCaller caller, HttpContext http) =>
            connectionsPage.Render(http, ConnectionsPageConfig.ForJira(settings, caller.Tenant.BaseUrl)));
        // The issue glance's panel; its API is the issue view's (Sync/IssueView), which checks the user's permissions.
        var issueSyncPage = new IssueSyncPage(webRoot, settings);
        pages.MapGet("/issue-sync", (HttpContext http, string? issueId, string? issueKey, string? projectKey) =>
            issueSyncPage.Render(http, issueId, issueKey, projectKey));

        // The page's scripts and styles, for both homes. The template itself is only ever served filled in.
        routes.MapGet(PageAssets.RoutePrefix + "{file}", (string file, HttpContext http) => PageAssets.Serve(webRoot, file, http));
        routes.MapGet(IssueSyncPage.AssetRoutePrefix + "{file}", (string file, HttpContext http) => issueSyncPage.Asset(file, http));

        if (settings.Role == NodeRole.Private)
            routes.MapGet("/console", (HttpContext http) =>
                connectionsPage.Render(http, ConnectionsPageConfig.ForConsole(settings, http.Request.PathBase), framable: false));

        // The admin API the pages' script calls with context tokens (AP.context.getToken()).
        routes.MapGroup("/api").RequireJiraContextJwt().MapGet("/session", (JiraCaller caller) => Results.Json(new
        {
            tenant = caller.Tenant.BaseUrl.ToString().TrimEnd('/'),
            accountId = caller.AccountId,
        }));
    }
}

using System.Net;
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
        pages.MapGet("/issue-sync", (JiraCaller caller, string? issueKey) =>
            Placeholder(settings, "Sync status", $"<p>{Html(issueKey ?? "This issue")} is not under sync.</p>"));

        // The page's scripts and styles, for both homes. The template itself is only ever served filled in.
        routes.MapGet(PageAssets.RoutePrefix + "{file}", (string file, HttpContext http) => PageAssets.Serve(webRoot, file, http));

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

    private static IResult Placeholder(AddonSettings settings, string title, string body) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{Html(settings.Name)}} · {{Html(title)}}</title>
          <script src="{{Html(settings.AllJsUrl.ToString())}}" async></script>
          <style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#172B4D;font-size:14px;margin:24px}h1{font-size:24px;font-weight:500}</style>
        </head>
        <body>
          <h1>{{Html(title)}}</h1>
          {{body}}
        </body>
        </html>
        """, "text/html; charset=utf-8");

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

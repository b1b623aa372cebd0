using System.Net;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The iframe pages the descriptor declares, loaded by Jira with a page-load JWT in the <c>jwt</c> query
/// parameter. Their content (the Connections journey, the issue's sync status) comes with the features that
/// fill them; what is here proves the page-load authentication and loads Atlassian's <c>all.js</c>.
/// </summary>
public static class PageEndpoints
{
    public static void MapPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/pages").RequireJiraJwt();
        pages.MapGet("/connections", (JiraCaller caller, AddonSettings settings) =>
            Page(settings, "Connections", $"<p>No connections yet for <strong>{Html(caller.Tenant.BaseUrl.ToString())}</strong>.</p>"));
        pages.MapGet("/issue-sync", (JiraCaller caller, AddonSettings settings, string? issueKey) =>
            Page(settings, "Sync status", $"<p>{Html(issueKey ?? "This issue")} is not under sync.</p>"));

        // The admin API the pages' script calls with context tokens (AP.context.getToken()).
        routes.MapGroup("/api").RequireJiraContextJwt().MapGet("/session", (JiraCaller caller) => Results.Json(new
        {
            tenant = caller.Tenant.BaseUrl.ToString().TrimEnd('/'),
            accountId = caller.AccountId,
        }));
    }

    private static IResult Page(AddonSettings settings, string title, string body) => Results.Content($$"""
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

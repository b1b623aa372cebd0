using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Transport;

namespace ConnectAddon.Connections.Admin;

/// <summary>What the Initiate dialog looks up: the tenant's projects, and the connection types a destination can do.</summary>
internal static class JiraLookupRoutes
{
    public const int ProjectsShown = 50;

    public static void MapJiraLookupRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/projects", async (JiraCaller caller, JiraClientFactory jira, ILoggerFactory loggers, string? query, CancellationToken cancel) =>
        {
            if (query is { Length: > 200 })
                return ApiError.BadRequest("'query' must be at most 200 characters.").ToResult();
            var page = await jira.For(caller.Tenant).SearchProjectsAsync(query, 0, ProjectsShown, cancel);
            if (!page.IsSuccess)
            {
                loggers.CreateLogger(typeof(JiraLookupRoutes).FullName!).LogWarning("Project search on tenant {ClientKey} failed: {Error}", caller.Tenant.ClientKey, page.Error);
                return ConnectionErrors.JiraUnavailable("for its projects").ToResult();
            }
            return Results.Json(new
            {
                projects = page.Value.Values.Select(p => new ConnectionView.Project(p.Id, p.Key ?? p.Id, p.Name ?? p.Key ?? p.Id)).ToList(),
            });
        });

        // Without a URL (a private destination, "I don't have a URL"): what this version offers. With one: what both sides can do.
        admin.MapGet("/connection-types", async (HttpContext http, string? url, CancellationToken cancel) =>
        {
            if (string.IsNullOrWhiteSpace(url))
                return Results.Json(new { types = SupportedConnectionTypes.All });
            if (url.Length > 2000)
                return ApiError.BadRequest("'url' must be at most 2000 characters.").ToResult();
            if (http.RequestServices.GetService<INodeInfoClient>() is not { } nodes)
                return ApiError.Unavailable("This node cannot read other nodes' info yet.").ToResult();
            var info = await nodes.GetInfoAsync(url.Trim(), cancel);
            if (!info.IsSuccess)
                return info.Error.ToResult();
            return Results.Json(new
            {
                destination = new { name = info.Value.Name, version = info.Value.Version },
                types = SupportedConnectionTypes.SharedWith(info.Value.ConnectionTypes),
            });
        });
    }
}

using System.Text.Json;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Connections;
using ConnectAddon.PrivateConsole.Invitations;
using ConnectAddon.PrivateConsole.Login;
using ConnectAddon.Sync.Admin;

namespace ConnectAddon.PrivateConsole.Api;

/// <summary>The console API (<c>/api/console</c>): only for a logged-in console session, whatever else the node accepts.</summary>
public static class ConsoleApiEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static void MapConsoleApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/console").RequireConsoleSession().AddEndpointFilter<SameOriginFilter>();
        api.MapConsoleAccount();
        api.MapSyncRoutes(async (context, id, cancel) =>
            await context.RequestServices.GetRequiredService<Sync.SyncConnections>().FindAsync(id, cancel) is { Side: ConnectionSide.Private } connection ? connection : null);

        api.MapGet("/connections", async (PrivateConnectionStore connections, Microsoft.Extensions.Options.IOptions<ConnectionsOptions> options,
            LocalJira jira, LocalJiraServer server, TimeProvider clock, CancellationToken cancel) =>
        {
            var list = await connections.ListAsync(cancel);
            var queues = await connections.SyncCountsAsync(list.Select(c => c.Id), cancel);
            var now = clock.GetUtcNow();
            var product = await server.IdentifyAsync(cancel);
            return Results.Json(new
            {
                connections = list.Select(c => ConnectionView.Of(c, now, queues.GetValueOrDefault(c.Id, ConnectionView.SyncCounts.None), options.Value.PeerSilenceLimit)).ToList(),
                // Which Jira this node works with, or why it cannot: the console says so above the list.
                jira = new
                {
                    url = jira.BaseUrl.AbsoluteUri.TrimEnd('/'),
                    product = product.IsSuccess ? product.Value.DisplayName : null,
                    problem = product.IsSuccess ? null : product.Error.Message,
                },
            });
        });

        api.MapGet("/projects", async (string? query, LocalJira jira, CancellationToken cancel) =>
        {
            var page = await jira.SearchProjectsAsync(query, cancel);
            return page.IsSuccess
                ? Results.Json(new { projects = page.Value.Values.Select(p => new { id = p.Id, key = p.Key, name = p.Name }) })
                : page.Error.ToResult();
        });

        api.MapPost("/invitations/check", async (HttpRequest request, InvitationChecker checker, CancellationToken cancel) =>
        {
            var body = await ReadAsync(request, cancel, "code");
            if (!body.IsSuccess)
                return body.Error.ToResult();
            var check = await checker.CheckAsync(body.Value[0], cancel);
            return check.IsSuccess ? Results.Json(check.Value) : check.Error.ToResult();
        });

        api.MapPost("/connections/accept", async (HttpRequest request, InvitationAcceptor acceptor, TimeProvider clock, CancellationToken cancel) =>
        {
            var body = await ReadAsync(request, cancel, "code", "projectKey");
            if (!body.IsSuccess)
                return body.Error.ToResult();
            var projectKey = Jira.JiraRefs.ProjectIdOrKey(body.Value[1], "projectKey");
            if (!projectKey.IsSuccess)
                return projectKey.Error.ToResult();
            var accepted = await acceptor.AcceptAsync(body.Value[0], projectKey.Value, cancel);
            return accepted.IsSuccess
                ? Results.Json(ConnectionView.Of(accepted.Value, clock.GetUtcNow()), statusCode: StatusCodes.Status201Created)
                : accepted.Error.ToResult();
        });
    }

    /// <summary>The named text fields of a JSON body, in order; 400 naming the first one missing.</summary>
    private static async Task<Result<string[]>> ReadAsync(HttpRequest request, CancellationToken cancel, params string[] names)
    {
        var body = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
        if (!body.IsSuccess)
            return body.Error;
        using var json = body.Value;
        var values = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!json.RootElement.TryGetProperty(names[i], out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                return ApiError.BadRequest($"The body needs \"{names[i]}\" as text.");
            values[i] = value.GetString()!;
        }
        return values;
    }
}

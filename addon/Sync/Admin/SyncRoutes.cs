using System.Text.Json;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;

namespace ConnectAddon.Sync.Admin;

/// <summary>
/// The sync routes under a connection, mapped into the public node's admin API (context token + Jira administrator)
/// and into the private console's API (console session) alike; <paramref name="resolve"/> finds the connection in
/// the caller's scope (its tenant, or this private node), so an id from elsewhere is simply not found.
/// </summary>
public static class SyncRoutes
{
    private const int MaxBodyBytes = 16 * 1024;

    public delegate Task<Connection?> ConnectionResolver(HttpContext context, string id, CancellationToken cancel);

    public static void MapSyncRoutes(this RouteGroupBuilder group, ConnectionResolver resolve)
    {
        group.MapGet("/connections/{id}/sync", (string id, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c => Answer(await sync.OverviewAsync(c, cancel))));

        group.MapPost("/connections/{id}/issues", (string id, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c =>
            {
                var body = await ReadAsync(context.Request, "issue", cancel);
                var issue = body.IsSuccess ? JiraRefs.IssueIdOrKey(body.Value, "issue") : body.Error!;
                return issue.IsSuccess ? Answer(await sync.ExalateAsync(c, issue.Value, cancel), StatusCodes.Status202Accepted) : issue.Error.ToResult();
            }));

        group.MapDelete("/connections/{id}/issues/{issue}", (string id, string issue, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c =>
            {
                var valid = JiraRefs.IssueIdOrKey(issue, "issue");
                return valid.IsSuccess ? Answer(await sync.UnexalateAsync(c, valid.Value, cancel)) : valid.Error.ToResult();
            }));

        group.MapPost("/connections/{id}/triggers", (string id, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c =>
            {
                var body = await ReadAsync(context.Request, "jql", cancel);
                return body.IsSuccess ? Answer(await sync.AddTriggerAsync(c, body.Value!, cancel), StatusCodes.Status201Created) : body.Error!.ToResult();
            }));

        group.MapPatch("/connections/{id}/triggers/{trigger}", (string id, string trigger, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c =>
            {
                var read = await RequestBody.ReadJsonAsync(context.Request, MaxBodyBytes, cancel);
                if (!read.IsSuccess)
                    return read.Error!.ToResult();
                using var json = read.Value!;
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return ApiError.BadRequest("The body must be a JSON object.").ToResult();
                string? jql = null;
                bool? active = null;
                if (root.TryGetProperty("jql", out var j))
                {
                    if (j.ValueKind != JsonValueKind.String)
                        return ApiError.BadRequest("\"jql\" must be text.").ToResult();
                    jql = j.GetString();
                }
                if (root.TryGetProperty("active", out var a))
                {
                    if (a.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        return ApiError.BadRequest("\"active\" must be true or false.").ToResult();
                    active = a.GetBoolean();
                }
                if (jql is null && active is null)
                    return ApiError.BadRequest("Send \"jql\", \"active\" or both.").ToResult();
                return Answer(await sync.EditTriggerAsync(c, trigger, jql, active, cancel));
            }));

        group.MapDelete("/connections/{id}/triggers/{trigger}", (string id, string trigger, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c => await sync.DeleteTriggerAsync(c, trigger, cancel) is { } refusal ? refusal.ToResult() : Results.NoContent()));

        group.MapPost("/connections/{id}/triggers/{trigger}/bulk", (string id, string trigger, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c => Answer(await sync.StartBulkAsync(c, trigger, cancel), StatusCodes.Status202Accepted)));

        group.MapPost("/connections/{id}/errors/{direction}/{issue}/retry", (string id, string direction, string issue, HttpContext context, SyncAdministration sync, CancellationToken cancel) =>
            WithConnection(context, id, resolve, cancel, async c =>
            {
                var valid = JiraRefs.IssueIdOrKey(issue, "issue");
                if (!valid.IsSuccess)
                    return valid.Error.ToResult();
                return await sync.RetryAsync(c, direction, valid.Value, cancel) is { } refusal ? refusal.ToResult() : Results.NoContent();
            }));
    }

    private static async Task<IResult> WithConnection(HttpContext context, string id, ConnectionResolver resolve, CancellationToken cancel, Func<Connection, Task<IResult>> then)
    {
        var connection = await resolve(context, id, cancel);
        if (connection is null)
            return ApiError.NotFound($"There is no connection '{id}'.").ToResult();
        if (connection.Status == ConnectionStatus.Pending)
            return new ApiError(StatusCodes.Status409Conflict, "connection_pending", "The invitation of this connection has not been accepted yet; nothing can sync before it is.").ToResult();
        return await then(connection);
    }

    private static IResult Answer<T>(Result<T> result, int status = StatusCodes.Status200OK) =>
        result.IsSuccess ? Results.Json(result.Value, statusCode: status) : result.Error!.ToResult();

    private static async Task<Result<string>> ReadAsync(HttpRequest request, string name, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
        if (!read.IsSuccess)
            return read.Error!;
        using var json = read.Value!;
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            return ApiError.BadRequest($"The body needs \"{name}\" as text.");
        return value.GetString()!.Trim();
    }
}

using ConnectAddon.Forge;
using System.Text.Json;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;

namespace ConnectAddon.Sync.IssueView;

/// <summary>
/// The API behind the issue glance (<c>/pages/issue-sync</c>), public node only: <c>/api/issues/{issueId}</c> with a
/// Jira context JWT from <c>AP.context.getToken()</c>. Unlike the admin API it is for everyone who can see the issue;
/// what each route needs is checked with Jira on every call (<see cref="IssueSyncService"/>).
/// </summary>
public static class IssueViewApi
{
    public const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapIssueView(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<AddonSettings>().Role != NodeRole.Public)
            return routes;
        var issues = routes.ServiceProvider.GetRequiredService<IssueSyncService>();

        var issue = routes.MapGroup("/api/issues/{issueId}").RequireJiraPageCall();
        issue.MapGet("/sync", async (string issueId, JiraCaller caller, CancellationToken cancel) =>
            Answer(await issues.StatusAsync(caller, issueId, cancel)));

        issue.MapPost("/exalate", async (string issueId, JiraCaller caller, HttpRequest request, CancellationToken cancel) =>
        {
            var connectionId = await ConnectionIdAsync(request, cancel);
            return connectionId.IsSuccess
                ? Answer(await issues.ExalateAsync(caller, issueId, connectionId.Value, cancel), StatusCodes.Status202Accepted)
                : connectionId.Error.ToResult();
        });

        issue.MapDelete("/exalate/{connectionId}", async (string issueId, string connectionId, JiraCaller caller, CancellationToken cancel) =>
            Answer(await issues.StopAsync(caller, issueId, connectionId, cancel)));
        return routes;
    }

    private static IResult Answer<T>(Result<T> result, int status = StatusCodes.Status200OK) =>
        result.IsSuccess ? Results.Json(result.Value, statusCode: status) : result.Error.ToResult();

    private static async Task<Result<string>> ConnectionIdAsync(HttpRequest request, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
        if (!read.IsSuccess)
            return read.Error;
        using var json = read.Value;
        if (!json.RootElement.TryGetProperty("connectionId", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            return ApiError.BadRequest("The body needs \"connectionId\" as text: the connection to sync this issue in.");
        return id.GetString()!.Trim();
    }
}

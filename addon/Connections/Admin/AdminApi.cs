using ConnectAddon.Forge;
using System.Text.Json;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using ConnectAddon.Sync.Admin;

namespace ConnectAddon.Connections.Admin;

/// <summary>
/// The admin API the Connections page calls with context tokens (Connections/README.md, "Admin API"). One route
/// group carries the policy (a Jira context JWT) and the Jira-administrator filter, so every route has both.
/// </summary>
public static class AdminApi
{
    public const int MaxBodyBytes = 16 * 1024;

    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").RequireJiraPageCall();
        admin.AddEndpointFilter<JiraAdministratorFilter>();
        admin.MapConnectionRoutes();
        admin.MapJiraLookupRoutes();
        // Sync routes find a connection only within the caller's tenant (DESIGN §4 "Authorization").
        admin.MapSyncRoutes((context, id, cancel) =>
            context.RequestServices.GetRequiredService<ConnectionStore>().FindAsync(context.Features.Get<JiraCaller>()!.Tenant.ClientKey, id, cancel));
    }

    /// <summary>Reads a small JSON body and parses it with <paramref name="parse"/>; a 4xx for anything unreadable.</summary>
    internal static async Task<Result<T>> ReadBodyAsync<T>(HttpRequest request, Func<JsonElement, Result<T>> parse, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
        if (!read.IsSuccess)
            return read.Error;
        using var body = read.Value;
        return parse(body.RootElement);
    }
}

using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connections.Admin;

/// <summary>The connection routes of the admin API; each answers a <see cref="ConnectionView"/> or a refusal.</summary>
internal static class ConnectionRoutes
{
    public static void MapConnectionRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/connections", async (JiraCaller caller, ConnectionAdministration connections, ConnectionStore store,
            Microsoft.Extensions.Options.IOptions<ConnectionsOptions> options, Jira.Quota.JiraQuotaPauses pauses, TimeProvider clock, CancellationToken cancel) =>
        {
            var list = await connections.ListAsync(caller, cancel);
            var queues = await store.SyncCountsAsync(list.Select(c => c.Id), cancel);
            var now = clock.GetUtcNow();
            var paused = pauses.Current(Jira.JiraTarget.ForTenant(caller.Tenant, now).SiteKey)?.Until.UtcDateTime;
            return Results.Json(new
            {
                connections = list.Select(c => ConnectionView.Of(c, now, queues.GetValueOrDefault(c.Id, ConnectionView.SyncCounts.None), options.Value.PeerSilenceLimit)
                    with { RateLimitedUntil = paused }).ToList(),
            });
        });

        admin.MapPost("/connections", async (JiraCaller caller, HttpRequest request, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
        {
            var read = await AdminApi.ReadBodyAsync(request, NewConnectionRequest.Read, cancel);
            if (!read.IsSuccess)
                return read.Error.ToResult();
            var initiated = await connections.InitiateAsync(caller, read.Value, cancel);
            if (!initiated.IsSuccess)
                return initiated.Error.ToResult();
            return Results.Json(new
            {
                connection = ConnectionView.Of(initiated.Value.Connection, clock.GetUtcNow()),
                invitationCode = initiated.Value.InvitationCode,
            }, statusCode: StatusCodes.Status201Created);
        });

        admin.MapPatch("/connections/{id}", async (string id, JiraCaller caller, HttpRequest request, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
        {
            var read = await AdminApi.ReadBodyAsync(request, ConnectionEdit.Read, cancel);
            return read.IsSuccess ? Answer(await connections.EditAsync(caller, id, read.Value, cancel), clock) : read.Error.ToResult();
        });

        // "Copy invitation code" again, while the invitation is valid (409 invitation_not_valid says why not).
        admin.MapGet("/connections/{id}/invitation", async (string id, JiraCaller caller, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
        {
            var found = await connections.InvitationCodeAsync(caller, id, cancel);
            return found.IsSuccess
                ? Results.Json(new { connection = ConnectionView.Of(found.Value.Connection, clock.GetUtcNow()), invitationCode = found.Value.InvitationCode })
                : found.Error.ToResult();
        });

        admin.MapPost("/connections/{id}/invitation/revoke", async (string id, JiraCaller caller, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
            Answer(await connections.RevokeInvitationAsync(caller, id, cancel), clock));

        admin.MapPost("/connections/{id}/deactivate", async (string id, JiraCaller caller, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
            Answer(await connections.ChangeStatusAsync(caller, id, ConnectionStatus.Active, ConnectionStatus.Deactivated, "deactivated", cancel), clock));

        admin.MapPost("/connections/{id}/activate", async (string id, JiraCaller caller, ConnectionAdministration connections, TimeProvider clock, CancellationToken cancel) =>
            Answer(await connections.ChangeStatusAsync(caller, id, ConnectionStatus.Deactivated, ConnectionStatus.Active, "activated", cancel), clock));

        admin.MapDelete("/connections/{id}", async (string id, JiraCaller caller, ConnectionAdministration connections, CancellationToken cancel) =>
            await connections.DeleteAsync(caller, id, cancel) is { } refusal ? refusal.ToResult() : Results.NoContent());
    }

    private static IResult Answer(Result<Connection> result, TimeProvider clock) =>
        result.IsSuccess ? Results.Json(ConnectionView.Of(result.Value, clock.GetUtcNow())) : result.Error.ToResult();
}

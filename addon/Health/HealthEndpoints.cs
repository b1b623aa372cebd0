using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Health;

public static class HealthEndpoints
{
    /// <summary>For load balancers: 200 when the node can reach its database, 503 when it cannot. Anonymous; says nothing secret.</summary>
    public static void MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/healthz", async (Database database, CancellationToken cancel) =>
        {
            try
            {
                await using var connection = await database.OpenAsync(cancel);
                await connection.ExecuteScalarAsync<long>("SELECT 1");
                return Results.Json(new { status = "ok" });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new { status = "unavailable", reason = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}

using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Exchange;

/// <summary><c>POST /transport/v1/connections/{id}/exchange</c> on the public node (Transport/README.md).</summary>
public static class ExchangeEndpoints
{
    public static void MapExchange(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/transport/v1/connections/{id}/exchange", async (string id, HttpContext context, ExchangeAuthentication authentication,
            ExchangeService exchange) =>
        {
            // Authenticated before the body is read: an unauthenticated caller cannot make us buffer megabytes.
            var connection = await authentication.AuthenticateAsync(context, id);
            if (!connection.IsSuccess)
                return connection.Error.ToResult();
            var read = await RequestBody.ReadJsonAsync(context.Request, ExchangeLimits.MaxBodyBytes, context.RequestAborted);
            if (!read.IsSuccess)
                return read.Error.ToResult();
            using var body = read.Value;
            var request = ExchangeRequest.Read(body.RootElement);
            if (!request.IsSuccess)
                return request.Error.ToResult();
            try
            {
                var answer = await exchange.ExchangeAsync(connection.Value, request.Value, context.RequestAborted);
                return Results.Bytes(answer.ToJson(), "application/json; charset=utf-8");
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return Results.Empty; // the private node went away; what it sent is stored, what it was sent stays queued
            }
        });
}

using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>
/// <c>POST /webhooks/{kind}</c>: verify the Jira JWT, durably record which issue changed, answer 204.
/// Nothing else happens on the request thread (DESIGN §3); the sync engine reads the issue later.
/// </summary>
public static class WebhookEndpoints
{
    // Webhook bodies carry the whole issue in the v2 shape; 4 MiB is far above a real one and bounds memory.
    private const int MaxBodyBytes = 4 * 1024 * 1024;
    private const string DeliveryHeader = "X-Atlassian-Webhook-Identifier";

    public static void MapWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/webhooks").RequireJiraJwt().MapPost("/{kind}", Receive);
    }

    private static async Task<IResult> Receive(string kind, HttpContext http, JiraCaller caller, DirtyIssueLog log)
    {
        if (!WebhookKinds.EventByRoute.TryGetValue(kind, out var eventName))
            return ApiError.NotFound($"This app does not subscribe to a webhook named '{kind}'.").ToResult();

        var deliveryId = http.Request.Headers[DeliveryHeader].ToString();
        if (deliveryId.Length > 200)
            return ApiError.BadRequest($"{DeliveryHeader} is longer than 200 characters.").ToResult();

        var body = await RequestBody.ReadJsonAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (!body.IsSuccess)
            return body.Error.ToResult();
        using var document = body.Value;
        var notice = WebhookNotice.Parse(document.RootElement, eventName);
        if (!notice.IsSuccess)
            return notice.Error.ToResult();

        await log.RecordAsync(caller.Tenant.ClientKey, deliveryId.Length > 0 ? deliveryId : null, notice.Value, http.RequestAborted);
        return Results.NoContent();
    }
}

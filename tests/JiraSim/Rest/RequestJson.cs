using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSim.Rest;

public static class RequestJson
{
    /// <summary>The body as a JSON object, or the 400 Jira gives for a body it cannot read.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node is JsonObject body ? (body, null) : (null, JiraErrors.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, JiraErrors.BadRequest("Unexpected character in the request body: " + e.Message));
        }
    }
}

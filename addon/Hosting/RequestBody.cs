using System.Text.Json;

namespace ConnectAddon.Hosting;

/// <summary>
/// Reads a JSON body with a size limit of our own, so the limit holds behind any server (Kestrel, a test host)
/// and a too-large or malformed body becomes a clear 4xx instead of an exception.
/// </summary>
public static class RequestBody
{
    public static async Task<Result<JsonDocument>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        if (request.ContentLength > maxBytes)
            return ApiError.TooLarge($"The body is {request.ContentLength} bytes; this route accepts at most {maxBytes}.");
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return ApiError.UnsupportedMediaType($"The body must be application/json, not '{type}'.");

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return ApiError.TooLarge($"The body is larger than the {maxBytes} bytes this route accepts.");
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException cut)
        {
            // The client stopped sending mid-body (it gave up on the request, e.g. a poller cancelling a long-poll):
            // a client's problem, answered as one, not a server error.
            return ApiError.BadRequest($"The body ended before it was complete: {cut.Message}");
        }
        if (buffer.Length == 0)
            return ApiError.BadRequest("The body is empty; a JSON object was expected.");
        try
        {
            var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return ApiError.BadRequest("The body must be a JSON object.");
            }
            return document;
        }
        catch (JsonException e)
        {
            return ApiError.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }
}

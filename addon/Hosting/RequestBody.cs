using System.Text.Json;

namespace ConnectAddon.Hosting;

/// <summary>
/// Reads a JSON body with a size limit of our own, so the limit holds behind any server (Kestrel, a test host)
/// and a too-large or malformed body becomes a clear 4xx instead of an exception. The body must say it is JSON
/// (<c>Content-Type: application/json</c>): a body without a type is what a cross-origin page can send without a CORS
/// preflight, so reading it as JSON anyway would help a forged request along.
/// </summary>
public static class RequestBody
{
    public static async Task<Result<JsonDocument>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        if (request.ContentLength > maxBytes)
            return ApiError.TooLarge($"The body is {request.ContentLength} bytes; this route accepts at most {maxBytes}.");
        if (!IsJson(request.ContentType))
            return ApiError.UnsupportedMediaType(request.ContentType is { Length: > 0 } type
                ? $"The body must be application/json, not '{(type.Length <= 100 ? type : type[..100] + "…")}'."
                : "The body must be sent with Content-Type: application/json.");

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
            // JSON may escape half of a surrogate pair ("\ud800"): valid JSON, no text, and GetString() throws on it.
            // Refused here once, so that no handler meets it (an outside attack found it answered 500 on many routes).
            if (!JsonText.HoldsOnlyText(document.RootElement))
            {
                document.Dispose();
                return ApiError.BadRequest("The body holds a string that is not valid Unicode (a lone surrogate escape such as \\ud800).");
            }
            return document;
        }
        catch (JsonException e)
        {
            return ApiError.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}

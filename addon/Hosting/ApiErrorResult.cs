using System.Text.Json;

namespace ConnectAddon.Hosting;

/// <summary>The one place an <see cref="ApiError"/> becomes an HTTP answer: its status and <c>{"error": code, "message": text}</c>.</summary>
public sealed class ApiErrorResult(ApiError error) : IResult, IStatusCodeHttpResult
{
    public ApiError Error { get; } = error;
    public int? StatusCode => Error.Status;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, Error);

    public static async Task WriteAsync(HttpResponse response, ApiError error)
    {
        response.StatusCode = error.Status;
        response.ContentType = "application/json; charset=utf-8";
        if (error.Code == "invalid_token") // only a refused Jira JWT asks for one; the console's 401s ask for a login
            response.Headers.WWWAuthenticate = "JWT";
        await JsonSerializer.SerializeAsync(response.Body, new ErrorBody(error.Code, error.Message), Options);
    }

    // Readable quotes and angle brackets: these bodies are JSON for API clients, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record ErrorBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
}

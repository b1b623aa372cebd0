namespace ConnectAddon.Hosting;

/// <summary>
/// A refusal as a value: handlers and filters return it, and <see cref="ApiErrorResult"/> renders it to HTTP in one place.
/// <paramref name="Code"/> is stable for programs; <paramref name="Message"/> says what was wrong for people.
/// </summary>
public sealed record ApiError(int Status, string Code, string Message)
{
    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "bad_request", message);
    public static ApiError Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, "unauthorized", message);
    public static ApiError Forbidden(string message) => new(StatusCodes.Status403Forbidden, "forbidden", message);
    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, "not_found", message);
    public static ApiError TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, "payload_too_large", message);
    public static ApiError UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", message);
    public static ApiError Unavailable(string message) => new(StatusCodes.Status503ServiceUnavailable, "unavailable", message);

    public IResult ToResult() => new ApiErrorResult(this);
}

using Microsoft.AspNetCore.Diagnostics;

namespace ConnectAddon.Hosting;

/// <summary>
/// Answers every failure as JSON: unknown routes and wrong methods (404/405) as well as unexpected exceptions,
/// so no client ever has to parse an HTML error page. Bad input is refused earlier, as an <see cref="ApiError"/>.
/// </summary>
public static class ErrorHandling
{
    public static WebApplication UseJsonErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var error = failure switch
            {
                BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => ApiError.TooLarge("The request body is larger than this route accepts."),
                BadHttpRequestException bad => new ApiError(bad.StatusCode, "bad_request", "The request could not be read: " + bad.Message),
                _ => new ApiError(StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong on our side; nothing was changed by this request."),
            };
            await ApiErrorResult.WriteAsync(context.Response, error);
        }));
        app.UseStatusCodePages(async statusContext =>
        {
            var response = statusContext.HttpContext.Response;
            var error = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiError.NotFound("No such route."),
                StatusCodes.Status405MethodNotAllowed => new ApiError(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "This route does not accept that method."),
                var other => new ApiError(other, "error", "The request failed."),
            };
            await ApiErrorResult.WriteAsync(response, error);
        });
        return app;
    }
}

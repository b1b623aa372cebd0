using System.Globalization;
using System.Text.Json;
using ConnectAddon.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary><c>POST /console/login</c> and <c>/console/logout</c>: the console's one admin opens and ends a cookie session.</summary>
public static class LoginEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    // Verified against when the user name is unknown, so a wrong name costs as long as a wrong password and
    // the answer's timing does not tell which user names exist.
    private static readonly Lazy<string> DecoyHash = new(() => ConsolePassword.Hash(ConsolePassword.Generate()));

    public static void MapConsoleLogin(this IEndpointRouteBuilder routes)
    {
        var console = routes.MapGroup("/console").AllowAnonymous();
        console.MapPost("/login", LoginAsync);
        console.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleAuthentication.Scheme);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> LoginAsync(HttpContext context, LoginThrottle throttle, ConsoleCredentialStore credentials, ILoggerFactory loggers)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // Refused before the password is even read, so a throttled address learns nothing, not even from a right guess.
        if (!throttle.TryBeginAttempt(address, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return new ApiError(StatusCodes.Status429TooManyRequests, "too_many_login_failures",
                $"Too many failed logins from this address; try again in {Math.Ceiling(wait.TotalMinutes)} minute(s).").ToResult();
        }

        var body = await RequestBody.ReadJsonAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (!body.IsSuccess)
            return body.Error.ToResult();
        string? username, password;
        using (var json = body.Value)
        {
            username = Text(json.RootElement, "username");
            password = Text(json.RootElement, "password");
        }
        if (username is null || password is null)
            return ApiError.BadRequest("The body must be {\"username\": text, \"password\": text}.").ToResult();

        var stored = await credentials.FindHashAsync(username, context.RequestAborted);
        var verified = ConsolePassword.Verify(password, stored ?? DecoyHash.Value);
        if (stored is null || !verified)
        {
            // An unknown user name is not logged: people type their password into the wrong field.
            loggers.CreateLogger(typeof(LoginEndpoints)).LogWarning("Console login refused for {User} from {Address}", stored is null ? "an unknown user" : username, address);
            return ApiError.Unauthorized("Wrong user name or password.").ToResult();
        }

        throttle.RecordSuccess(address);
        await context.SignInAsync(ConsoleAuthentication.Scheme, ConsoleAuthentication.PrincipalFor(username, stored));
        return Results.NoContent();
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

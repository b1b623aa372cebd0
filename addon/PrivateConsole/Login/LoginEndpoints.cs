using System.Globalization;
using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary><c>POST /console/login</c> and <c>/console/logout</c>: the console's one admin opens and ends a session.</summary>
public static class LoginEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const int MaxUsernameLength = 100;

    // Verified against when the user name is unknown, so a wrong name costs as long as a wrong password and
    // the answer's timing does not tell which user names exist.
    private static readonly Lazy<string> DecoyHash = new(() => ConsolePassword.Hash(ConsolePassword.Generate()));

    public static void MapConsoleLogin(this IEndpointRouteBuilder routes)
    {
        var console = routes.MapGroup("/console").AllowAnonymous().AddEndpointFilter<SameOriginFilter>();
        console.MapPost("/login", LoginAsync);
        // Signing out removes the session's row (ConsoleSessionStore): the cookie, replayed, opens nothing.
        console.MapPost("/logout", async (HttpContext context) =>
        {
            await ConsoleAuthentication.SignOutAsync(context);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> LoginAsync(HttpContext context, LoginThrottle throttle, TrustedDevice devices, ConsoleCredentialStore credentials, ILoggerFactory loggers)
    {
        var address = LoginThrottle.AddressKey(context.Connection.RemoteIpAddress);
        // Refused before the password is even read, so a throttled address learns nothing, not even from a right guess.
        if (!throttle.TryBeginFromAddress(address, out var wait))
            return TooMany(context, wait, "from this address");

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
        if (username.Length > MaxUsernameLength || password.Length > ConsolePasswordRule.MaxLength)
            return ApiError.BadRequest($"The user name is at most {MaxUsernameLength} characters and the password at most {ConsolePasswordRule.MaxLength}.").ToResult();

        var stored = await credentials.FindHashAsync(username, context.RequestAborted);
        // Guessing one account from many addresses is capped too, except from a browser that logged in as it before;
        // names that are no account are capped together.
        if (stored is null ? !throttle.TryBeginForUnknownAccount(out wait) : !devices.Holds(context.Request, username) && !throttle.TryBeginForAccount(username, out wait))
            return TooMany(context, wait, "for this account");
        if (!await throttle.WaitToVerifyAsync(context.RequestAborted))
            return new ApiError(StatusCodes.Status503ServiceUnavailable, "busy", "Too many logins at once; try again in a moment.").ToResult();
        bool verified;
        try
        {
            verified = ConsolePassword.Verify(password, stored ?? DecoyHash.Value);
        }
        finally
        {
            throttle.DoneVerifying();
        }
        if (stored is null || !verified)
        {
            // An unknown user name is not logged: people type their password into the wrong field.
            loggers.CreateLogger(typeof(LoginEndpoints)).LogWarning("Console login refused for {User} from {Address}", stored is null ? "an unknown user" : username, address);
            return ApiError.Unauthorized("Wrong user name or password.").ToResult();
        }

        throttle.RecordSuccess(address, username);
        devices.Issue(context.Response, username);
        await ConsoleAuthentication.SignInAsync(context, username);
        return Results.NoContent();
    }

    internal static IResult TooMany(HttpContext context, TimeSpan wait, string where)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new ApiError(StatusCodes.Status429TooManyRequests, "too_many_login_failures",
            $"Too many failed logins {where}; try again in {Math.Max(1, Math.Ceiling(wait.TotalMinutes))} minute(s)" +
            (where == "for this account" ? ", or from a browser that logged in to this console before." : ".")).ToResult();
    }

    internal static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

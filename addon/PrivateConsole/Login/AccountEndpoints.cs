using System.Security.Claims;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The logged-in admin's own account: <c>POST /api/console/password</c> changes the password and ends every other
/// session at once (this browser gets a fresh one); <c>POST /api/console/sessions/revoke</c> signs out everywhere,
/// this browser included.
/// </summary>
public static class AccountEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    public static void MapConsoleAccount(this RouteGroupBuilder api)
    {
        api.MapPost("/password", ChangePasswordAsync);
        api.MapPost("/sessions/revoke", async (HttpContext context, ConsoleSessionStore sessions, ILogger<ConsoleSessionStore> logger) =>
        {
            var username = context.User.FindFirstValue(ClaimTypes.Name)!;
            var ended = await sessions.EndAllAsync(username, context.RequestAborted);
            await context.SignOutAsync(ConsoleAuthentication.Scheme);
            logger.LogInformation("Signed '{User}' out everywhere: {Count} console session(s) ended", username, ended);
            return Results.NoContent();
        });
    }

    private static async Task<bool> VerifyAsync(LoginThrottle throttle, string password, string stored, CancellationToken cancel)
    {
        if (!await throttle.WaitToVerifyAsync(cancel))
            return false;
        try
        {
            return ConsolePassword.Verify(password, stored);
        }
        finally
        {
            throttle.DoneVerifying();
        }
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, IOptions<ConsoleOptions> options, ConsoleCredentialStore credentials,
        ConsoleSessionStore sessions, LoginThrottle throttle, ILogger<ConsoleSessionStore> logger)
    {
        var username = context.User.FindFirstValue(ClaimTypes.Name)!;
        if (!string.IsNullOrEmpty(options.Value.AdminPassword))
            return new ApiError(StatusCodes.Status409Conflict, "password_from_configuration",
                $"This node's password is set by {ConsoleOptions.Section}:AdminPassword in its configuration, which would set it back at the next start: change it there.").ToResult();

        var body = await RequestBody.ReadJsonAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (!body.IsSuccess)
            return body.Error.ToResult();
        string? current, next;
        using (var json = body.Value)
        {
            current = LoginEndpoints.Text(json.RootElement, "currentPassword");
            next = LoginEndpoints.Text(json.RootElement, "newPassword");
        }
        if (current is null || next is null)
            return ApiError.BadRequest("The body must be {\"currentPassword\": text, \"newPassword\": text}.").ToResult();
        if (!ConsolePasswordRule.IsStrongEnough(next))
            return ApiError.BadRequest($"The new password must be {ConsolePasswordRule.MinLength} to {ConsolePasswordRule.MaxLength} characters, not only spaces.").ToResult();

        // A session left open on a shared screen must not let its finder try passwords without limit.
        if (!throttle.TryBeginForAccount(username, out var wait))
            return LoginEndpoints.TooMany(context, wait, "for this account");
        var stored = await credentials.FindHashAsync(username, context.RequestAborted);
        if (stored is null || current.Length > ConsolePasswordRule.MaxLength || !await VerifyAsync(throttle, current, stored, context.RequestAborted))
            return new ApiError(StatusCodes.Status400BadRequest, "wrong_password", "The current password is not right; nothing was changed.").ToResult();
        if (current == next)
            return ApiError.BadRequest("The new password is the current one.").ToResult();

        await credentials.SetAsync(username, ConsolePassword.Hash(next), context.RequestAborted);
        var ended = await sessions.EndAllAsync(username, context.RequestAborted);
        await ConsoleAuthentication.SignInAsync(context, username);
        logger.LogInformation("Console password of '{User}' changed; {Count} session(s) ended", username, ended);
        return Results.NoContent();
    }
}

using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Jwt;

/// <summary>Why a token was refused, as the 401 the caller sees.</summary>
public static class JwtRefusal
{
    public static ApiError Because(string message) => new(StatusCodes.Status401Unauthorized, "invalid_token", message);
}

using ConnectAddon.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ConnectAddon.Connect.Jwt;

/// <summary>The checks both kinds of Connect token share, after the signature: issued-at and the query string hash.</summary>
public static class JwtChecks
{
    public static JsonWebToken? TryParse(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary><c>exp</c> is required; <c>exp</c>, <c>nbf</c> and <c>iat</c> are each allowed <see cref="TokenLeeway.ClockSkew"/>.</summary>
    public static ApiError? CheckLifetime(JsonWebToken jwt, DateTimeOffset now)
    {
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp))
            return JwtRefusal.Because("The JWT has no exp claim.");
        if (DateTimeOffset.FromUnixTimeSeconds(exp) + TokenLeeway.ClockSkew < now)
            return JwtRefusal.Because("The JWT has expired.");
        if (jwt.TryGetPayloadValue<long>("nbf", out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) - TokenLeeway.ClockSkew > now)
            return JwtRefusal.Because("The JWT is not valid yet (nbf is in the future; check the clocks).");
        if (jwt.TryGetPayloadValue<long>("iat", out var iat) && DateTimeOffset.FromUnixTimeSeconds(iat) - TokenLeeway.ClockSkew > now)
            return JwtRefusal.Because("The JWT is not valid yet: it was issued in the future (check the clocks).");
        return null;
    }

    public static ApiError? CheckQsh(JsonWebToken jwt, HttpContext context, string basePath, QshPolicy policy)
    {
        if (!jwt.TryGetPayloadValue<string>("qsh", out var qsh) || string.IsNullOrEmpty(qsh))
            return JwtRefusal.Because("The token has no qsh claim.");
        if (qsh == QueryStringHash.ContextQsh)
            return policy == QshPolicy.ContextAllowed
                ? null
                : JwtRefusal.Because("Context tokens (qsh 'context-qsh') are accepted only by the app's admin API, not by this route.");
        var expected = RequestTarget.QueryStringHashOf(context, basePath);
        return string.Equals(qsh, expected, StringComparison.Ordinal)
            ? null
            : JwtRefusal.Because("The token's qsh does not match this request's method, path and query.");
    }
}

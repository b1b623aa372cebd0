using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// Checks the <see cref="ConnectionToken"/> of an exchange: HS256 under the key of the connection in the route, whose
/// id is the token's <c>iss</c> (a token of one connection used on another is refused before any key is read), lifetime,
/// <c>jti</c> and the exact <c>qsh</c>. Every refusal is the same kind of 401; a deleted connection is told so (410), but
/// only to a caller that proved it holds its key.
/// </summary>
public sealed class ExchangeAuthentication(ExchangeConnections connections, AddonSettings settings, TimeProvider clock)
{
    public async Task<Result<ExchangeConnection>> AuthenticateAsync(HttpContext context, string connectionId)
    {
        var token = JwtToken.Find(context.Request);
        if (token is null || context.Request.Query.ContainsKey("jwt"))
            return JwtRefusal.Because("Send the connection token as 'Authorization: JWT <token>' (never in the URL).");
        var jwt = JwtChecks.TryParse(token);
        if (jwt is null)
            return JwtRefusal.Because("The JWT is malformed.");
        if (jwt.Alg != SecurityAlgorithms.HmacSha256)
            return JwtRefusal.Because($"The JWT is signed with '{jwt.Alg}'; exchanges must use HS256.");
        if (jwt.Issuer != connectionId)
            return JwtRefusal.Because("The JWT's iss is not the connection in the URL.");

        var connection = await connections.FindAsync(connectionId, context.RequestAborted);
        if (connection?.ConnectionKey is null || !await ConnectionToken.IsSignedWithAsync(token, connection.ConnectionKey))
            return JwtRefusal.Because("The JWT is not signed with the key of this connection.");

        if (JwtChecks.CheckLifetime(jwt, clock.GetUtcNow()) is { } outOfTime)
            return outOfTime;
        if (!jwt.TryGetPayloadValue<long>("iat", out var iat) || !jwt.TryGetPayloadValue<long>("exp", out var exp)
            || TimeSpan.FromSeconds(exp - iat) > ConnectionToken.MaxLifetime)
            return JwtRefusal.Because($"The JWT needs iat and exp at most {ConnectionToken.MaxLifetime.TotalMinutes:0} minutes apart.");
        if (!jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti))
            return JwtRefusal.Because("The JWT has no jti claim.");
        if (JwtChecks.CheckQsh(jwt, context, settings.BasePath, QshPolicy.ExactRequest) is { } wrongQsh)
            return wrongQsh;

        if (connection.IsDeleted)
            return ExchangeErrors.ConnectionDeleted;
        return connection;
    }
}

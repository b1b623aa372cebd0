using ConnectAddon.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Verifies the <c>installed</c> and <c>uninstalled</c> callbacks of the signed-install migration: RS256 only,
/// the key named by <c>kid</c> from the install key server, <c>aud</c> = our base URL, <c>exp</c> with 30 s of
/// leeway, and the <c>qsh</c> of this POST. The caller then checks <c>iss</c> against the body's clientKey.
/// </summary>
public sealed class InstallRequestVerifier(InstallKeyProvider keys, AddonSettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <returns>The verified issuer (the installing site's clientKey).</returns>
    public async Task<Result<string>> VerifyAsync(HttpContext context)
    {
        var token = JwtToken.Find(context.Request);
        if (token is null)
            return JwtRefusal.Because("Install callbacks must be signed: no 'Authorization: JWT' header (the app declares signed-install).");
        var jwt = JwtChecks.TryParse(token);
        if (jwt is null)
            return JwtRefusal.Because("The JWT is malformed.");
        if (jwt.Alg != SecurityAlgorithms.RsaSha256)
            return JwtRefusal.Because($"The JWT is signed with '{jwt.Alg}'; install callbacks must be RS256.");
        if (string.IsNullOrEmpty(jwt.Kid))
            return JwtRefusal.Because("The install token has no kid header.");

        var key = await keys.GetAsync(jwt.Kid, context.RequestAborted);
        if (!key.IsSuccess)
            return key.Error;

        var baseUrl = settings.BaseUrl.ToString().TrimEnd('/');
        var validation = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = key.Value,
            ValidateIssuerSigningKey = true,
            ValidateIssuer = false, // compared with the body's clientKey by the caller
            ValidateAudience = true,
            ValidAudiences = [baseUrl, baseUrl + "/"],
            ValidateLifetime = false, // checked below against our clock
        });
        if (!validation.IsValid)
            return JwtRefusal.Because(JiraRequestVerifier.Describe(validation.Exception));
        if (JwtChecks.CheckLifetime(jwt, clock.GetUtcNow()) is { } outOfTime)
            return outOfTime;
        if (JwtChecks.CheckQsh(jwt, context, settings.BasePath, QshPolicy.ExactRequest) is { } wrongQsh)
            return wrongQsh;
        if (string.IsNullOrEmpty(jwt.Issuer))
            return JwtRefusal.Because("The install token has no iss claim.");
        return jwt.Issuer;
    }
}

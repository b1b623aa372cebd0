using ConnectAddon.Connect.Tenants;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using System.Text;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Verifies requests that Jira signs with the tenant's shared secret (webhooks, page loads, enabled/disabled,
/// context tokens): read <c>iss</c> unverified, find that installed tenant, verify HS256 (no other algorithm),
/// <c>exp</c>/<c>iat</c> with 30 s of leeway, then <c>qsh</c> ("Understanding JWT for Connect apps").
/// </summary>
public sealed class JiraRequestVerifier(TenantStore tenants, AddonSettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public async Task<Result<JiraCaller>> VerifyAsync(HttpContext context, QshPolicy policy)
    {
        var token = JwtToken.Find(context.Request);
        if (token is null)
            return JwtRefusal.Because("No JWT: send 'Authorization: JWT <token>' or a 'jwt' query parameter.");
        var jwt = JwtChecks.TryParse(token);
        if (jwt is null)
            return JwtRefusal.Because("The JWT is malformed.");
        if (jwt.Alg != SecurityAlgorithms.HmacSha256)
            return JwtRefusal.Because($"The JWT is signed with '{jwt.Alg}'; requests from Jira must use HS256.");
        if (string.IsNullOrEmpty(jwt.Issuer))
            return JwtRefusal.Because("The JWT has no iss claim.");

        var tenant = await tenants.FindAsync(jwt.Issuer, context.RequestAborted);
        // Only a Connect install has a shared secret; a site installed only through Forge signs nothing with one.
        if (tenant is null || !tenant.ConnectInstalled)
            return JwtRefusal.Because("The JWT's issuer is not an installed tenant of this app.");

        var validation = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = SigningKey(tenant.SharedSecret!),
            ValidateIssuerSigningKey = true,
            ValidateIssuer = false, // the issuer chose the key, so a forged iss fails the signature
            ValidateAudience = false, // Jira's tokens carry no audience
            ValidateLifetime = false, // checked below against our clock, with messages that say which bound failed
        });
        if (!validation.IsValid)
            return JwtRefusal.Because(Describe(validation.Exception));

        if (JwtChecks.CheckLifetime(jwt, clock.GetUtcNow()) is { } outOfTime)
            return outOfTime;
        if (JwtChecks.CheckQsh(jwt, context, settings.BasePath, policy) is { } wrongQsh)
            return wrongQsh;

        jwt.TryGetPayloadValue<string>("sub", out var subject);
        return new JiraCaller(tenant, string.IsNullOrEmpty(subject) ? null : subject,
            IsContextToken: jwt.TryGetPayloadValue<string>("qsh", out var qsh) && qsh == QueryStringHash.ContextQsh);
    }

    /// <summary>The HMAC key is the shared secret's UTF-8 bytes, as Jira uses it.</summary>
    public static SymmetricSecurityKey SigningKey(string sharedSecret) => new(Encoding.UTF8.GetBytes(sharedSecret));

    internal static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The JWT's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The JWT's algorithm is not accepted.",
        SecurityTokenInvalidAudienceException => "The JWT's aud claim does not name this app.",
        _ => "The JWT is not valid.",
    };
}

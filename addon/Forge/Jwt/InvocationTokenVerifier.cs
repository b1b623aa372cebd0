using System.Text.Json;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Forge.Jwt;

/// <summary>
/// Verifies a Forge Invocation Token ("Forge Remote essentials": "Validate all JWT Forge Invocation Tokens … to ensure
/// that they originated from Atlassian Forge and were intended for an audience of your Application ID"): the key named
/// by <c>kid</c> among Forge's published keys, the algorithm that key declares (RS256 when it declares none; never
/// none, never HMAC), issuer <c>forge/invocation-token</c>, audience this app, <c>exp</c>/<c>nbf</c> with the usual
/// leeway, and the claims a call needs (installation, API base URL, site).
/// </summary>
public sealed class InvocationTokenVerifier(ForgeKeySet keys, IOptions<ForgeOptions> options, TimeProvider clock)
{
    public const string Issuer = "forge/invocation-token";
    private const int MaxTokenLength = 16 * 1024;
    private readonly JsonWebTokenHandler handler = new();

    public async Task<Result<InvocationToken>> VerifyAsync(string? token, CancellationToken cancel)
    {
        if (options.Value.AppAri is not { } app)
            return JwtRefusal.Because("This node is no Forge app's remote (Forge:AppId is not set): it accepts no Forge invocation.");
        if (string.IsNullOrEmpty(token))
            return JwtRefusal.Because("No Forge Invocation Token: send 'Authorization: Bearer <token>'.");
        if (token.Length > MaxTokenLength)
            return JwtRefusal.Because($"The invocation token is longer than {MaxTokenLength} characters.");
        var jwt = JwtChecks.TryParse(token);
        if (jwt is null)
            return JwtRefusal.Because("The invocation token is malformed.");
        if (string.IsNullOrEmpty(jwt.Kid))
            return JwtRefusal.Because("The invocation token names no signing key (kid).");

        var found = await keys.FindAsync(jwt.Kid, cancel);
        if (!found.IsSuccess)
            return found.Error;
        var key = found.Value;
        // The algorithm is the key's, not the token's: "alg": "none" or HS256 keyed with the public key cannot pass.
        var algorithm = string.IsNullOrEmpty(key.Alg) ? SecurityAlgorithms.RsaSha256 : key.Alg;
        if (jwt.Alg != algorithm)
            return JwtRefusal.Because($"The invocation token is signed with '{jwt.Alg}'; Forge's key '{jwt.Kid}' signs with {algorithm}.");

        var validation = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [algorithm],
            IssuerSigningKey = key,
            ValidateIssuerSigningKey = true,
            ValidIssuer = Issuer,
            ValidAudience = app,
            ValidateLifetime = false, // below, on the node's clock, with messages that say which bound failed
            RequireSignedTokens = true,
        });
        if (!validation.IsValid)
            return JwtRefusal.Because(validation.Exception switch
            {
                SecurityTokenInvalidIssuerException => $"The invocation token's issuer is not {Issuer}.",
                SecurityTokenInvalidAudienceException => "The invocation token is for another Forge app (aud).",
                var other => JiraRequestVerifier.Describe(other),
            });
        if (JwtChecks.CheckLifetime(jwt, clock.GetUtcNow()) is { } outOfTime)
            return outOfTime;
        return Claims(jwt, app);
    }

    private static Result<InvocationToken> Claims(JsonWebToken jwt, string app)
    {
        using var payload = JsonText.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        if (payload is null)
            return JwtRefusal.Because("The invocation token's claims are not JSON text.");
        var root = payload.RootElement;
        var appClaim = Object(root, "app");
        var context = Object(root, "context");
        var installation = Text(appClaim, "installationId");
        if (Text(appClaim, "id") != app || installation is null)
            return JwtRefusal.Because("The invocation token names no installation of this app (app.id, app.installationId).");
        if (!Uri.TryCreate(Text(appClaim, "apiBaseUrl"), UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http") || api.Query.Length > 0)
            return JwtRefusal.Because("The invocation token's app.apiBaseUrl is not an absolute URL.");
        // A page's call carries context.cloudId; an event's too (and its apiBaseUrl ends in the cloudId).
        var cloudId = Text(context, "cloudId") ?? api.AbsolutePath.TrimEnd('/').Split('/')[^1];
        if (string.IsNullOrWhiteSpace(cloudId) || cloudId.Length > 100)
            return JwtRefusal.Because("The invocation token names no site (context.cloudId).");
        var module = Object(appClaim, "module");
        var environment = Object(appClaim, "environment");
        return new InvocationToken
        {
            AppId = app,
            InstallationId = installation,
            ApiBaseUrl = api,
            CloudId = cloudId,
            Environment = Text(environment, "type"),
            ModuleType = Text(module, "type"),
            ModuleKey = Text(module, "key"),
            SiteUrl = Uri.TryCreate(Text(context, "siteUrl"), UriKind.Absolute, out var site) && site.Scheme is "https" or "http" ? site : null,
            Principal = Text(root, "principal"),
        };
    }

    private static JsonElement Object(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    private static string? Text(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 2048 } text
            ? text
            : null;
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ConnectAddon.TestKit;

/// <summary>
/// A key pair Forge Invocation Tokens are signed with, as Forge publishes it (a JWKS of RSA keys with their
/// <c>kid</c> and <c>alg</c>), and the tokens themselves ("Forge Remote essentials": issuer
/// <c>forge/invocation-token</c>, audience the app's id, about 25 s of life), written independently of the app.
/// </summary>
public sealed class ForgeSigningKey : IDisposable
{
    public const string Issuer = "forge/invocation-token";

    public ForgeSigningKey(string? kid = null)
    {
        Kid = kid ?? "forge/invocation-token/test-" + Guid.NewGuid().ToString("N")[..12];
        Rsa = RSA.Create(2048);
    }

    public string Kid { get; }
    public RSA Rsa { get; }

    /// <summary>This key as one entry of a JWKS.</summary>
    public JsonObject Jwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = Kid,
            ["n"] = Base64Url.Encode(parameters.Modulus!), ["e"] = Base64Url.Encode(parameters.Exponent!),
        };
    }

    /// <summary>A JWKS holding <paramref name="keys"/>.</summary>
    public static string Jwks(params ForgeSigningKey[] keys) => new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.Jwk()).ToArray()) }.ToJsonString();

    public string Sign(JsonObject claims) => TokenMinter.Rs256(Rsa, Kid, claims);

    /// <summary>
    /// The claims of an invocation of <paramref name="appId"/> (an ARI) for one installation on one site; a page's call
    /// also names the user (<paramref name="principal"/>) and the site's URL.
    /// </summary>
    public static JsonObject Claims(string appId, string installationId, Uri apiBaseUrl, string cloudId, string moduleType, string moduleKey,
        DateTimeOffset now, string? principal = null, Uri? siteUrl = null, JsonObject? extension = null, TimeSpan? lifetime = null)
    {
        var context = new JsonObject { ["cloudId"] = cloudId, ["moduleKey"] = moduleKey };
        if (siteUrl is not null)
            context["siteUrl"] = siteUrl.ToString().TrimEnd('/');
        if (extension is not null)
            context["extension"] = extension.DeepClone(); // the caller's object stays its own (a page makes many calls with it)
        var claims = new JsonObject
        {
            ["app"] = new JsonObject
            {
                ["id"] = appId, ["appVersion"] = "1.0.0", ["installationId"] = installationId, ["apiBaseUrl"] = apiBaseUrl.ToString().TrimEnd('/'),
                ["environment"] = new JsonObject { ["type"] = "DEVELOPMENT", ["id"] = "ari:cloud:ecosystem::environment/test" },
                ["module"] = new JsonObject { ["type"] = moduleType, ["key"] = moduleKey },
            },
            ["context"] = context,
            ["aud"] = appId,
            ["iss"] = Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromSeconds(25))).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (principal is not null)
            claims["principal"] = principal;
        return claims;
    }

    public void Dispose() => Rsa.Dispose();
}

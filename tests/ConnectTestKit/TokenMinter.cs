using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectAddon.TestKit;

/// <summary>
/// Makes JWTs the way Jira and Atlassian's install signer do, written independently of the app's own code, and
/// able to make the wrong ones too (alg none, HS/RS confusion, any claim). Claims are a JSON object so a test
/// can remove or change any of them.
/// </summary>
public static class TokenMinter
{
    public static string Hs256(string sharedSecret, JsonObject claims, string alg = "HS256") =>
        Sign(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }, claims,
            input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret), input));

    public static string Rs256(RSA key, string kid, JsonObject claims) =>
        Sign(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = kid }, claims,
            input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>A token with <c>alg: none</c> and an empty signature.</summary>
    public static string Unsigned(JsonObject claims) =>
        Sign(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, claims, _ => []);

    /// <summary>Any header, signed with HMAC-SHA256 under <paramref name="hmacKey"/> whatever the header claims.</summary>
    public static string WithHeader(JsonObject header, JsonObject claims, byte[] hmacKey) =>
        Sign(header, claims, input => HMACSHA256.HashData(hmacKey, input));

    /// <summary>Standard Connect claims: iss, iat now, exp in <paramref name="lifetime"/>, qsh, and sub when given.</summary>
    public static JsonObject Claims(string issuer, string qsh, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string? subject = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["iat"] = iat.ToUnixTimeSeconds(),
            ["exp"] = (iat + (lifetime ?? TimeSpan.FromMinutes(3))).ToUnixTimeSeconds(),
            ["qsh"] = qsh,
        };
        if (subject is not null)
            claims["sub"] = subject;
        return claims;
    }

    private static string Sign(JsonObject header, JsonObject claims, Func<byte[], byte[]> signature)
    {
        var signingInput = Part(header) + "." + Part(claims);
        return signingInput + "." + Base64Url.Encode(signature(Encoding.ASCII.GetBytes(signingInput)));
    }

    private static string Part(JsonObject json) => Base64Url.Encode(Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions())));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JiraSim.Tests.Connect;

/// <summary>Reads and verifies the tokens the simulator sends, independently of its own signing code.</summary>
public static class JwtParts
{
    public static JsonObject Header(string token) => Decode(token.Split('.')[0]);

    public static JsonObject Claims(string token) => Decode(token.Split('.')[1]);

    /// <summary>HS256 with the shared secret's UTF-8 bytes, as Connect apps verify Jira's tokens.</summary>
    public static bool HasValidHs256Signature(string token, string sharedSecret)
    {
        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return Header(token)["alg"]?.GetValue<string>() == "HS256" && CryptographicOperations.FixedTimeEquals(expected, Bytes(parts[2]));
    }

    /// <summary>RS256 against a PEM public key, checking <c>aud</c> and lifetime, with a library as an app would.</summary>
    public static async Task<TokenValidationResult> ValidateRs256Async(string token, string publicKeyPem, string audience)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)),
            ValidateIssuer = false,
            ValidAudience = audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
    }

    private static JsonObject Decode(string part) => JsonNode.Parse(Bytes(part))!.AsObject();

    private static byte[] Bytes(string base64Url) =>
        Convert.FromBase64String(base64Url.Replace('-', '+').Replace('_', '/').PadRight(base64Url.Length + (4 - base64Url.Length % 4) % 4, '='));
}

using System.Buffers.Text;
using System.Security.Cryptography;
using ConnectAddon.Connect.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The JWT that authenticates an exchange (DESIGN §6): HS256 under the connection key, <c>iss</c> = the connection id,
/// <c>qsh</c> of the request relative to the public node's base URL (<see cref="QueryStringHash"/>), <c>iat</c>,
/// <c>exp</c> <see cref="Lifetime"/> later and a random <c>jti</c>. The key is the 32 bytes the base64url text stands for.
/// </summary>
public static class ConnectionToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>exp - iat</c> a public node accepts: a stolen token is useful for minutes at most.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Mint(string connectionId, string connectionKey, string method, Uri target, Uri publicNodeBaseUrl, DateTimeOffset now) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = connectionId,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["qsh"] = QueryStringHash.Compute(method, target, publicNodeBaseUrl),
                ["jti"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            },
            SigningCredentials = new SigningCredentials(SigningKey(connectionKey), SecurityAlgorithms.HmacSha256),
        });

    public static SymmetricSecurityKey SigningKey(string connectionKey) => new(Base64Url.DecodeFromChars(connectionKey));

    /// <summary>Whether the signature is the connection key's (HS256 only); the other claims are checked by the caller.</summary>
    public static async Task<bool> IsSignedWithAsync(string token, string connectionKey)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = SigningKey(connectionKey),
            ValidateIssuerSigningKey = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false, // JwtChecks.CheckLifetime, with messages that say which bound failed
        });
        return result.IsValid;
    }
}

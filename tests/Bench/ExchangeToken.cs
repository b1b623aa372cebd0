using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConnectAddon.Bench;

/// <summary>
/// The token a private node sends with an exchange (addon/Transport/README.md, "Authentication"): HS256 under the
/// connection key, <c>iss</c> = the connection id, <c>qsh</c> of <c>POST&amp;path&amp;</c> relative to the public node.
/// </summary>
public static class ExchangeToken
{
    public static string Mint(string connectionId, string connectionKey, string path, DateTimeOffset now)
    {
        var qsh = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("POST&" + path + "&")));
        var header = Encode(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = connectionId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.ToUnixTimeSeconds() + 60,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["qsh"] = qsh,
        }));
        var signature = HMACSHA256.HashData(Decode(connectionKey), Encoding.ASCII.GetBytes(header + "." + claims));
        return header + "." + claims + "." + Encode(signature);
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}

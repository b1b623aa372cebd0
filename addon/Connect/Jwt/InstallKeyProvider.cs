using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Public keys of Atlassian's install-signing key pairs, fetched as PEM from
/// <c>{Connect:InstallKeysBaseUrl}/{kid}</c> ("Connect app lifecycle: signed installs") with a timeout,
/// and cached by <c>kid</c> for the life of the process (a kid names one key forever).
/// </summary>
public sealed partial class InstallKeyProvider(HttpClient http, AddonSettings settings, ILogger<InstallKeyProvider> logger)
{
    public const string HttpClientName = "install-keys";
    private readonly ConcurrentDictionary<string, RsaSecurityKey> keys = new(StringComparer.Ordinal);

    public async Task<Result<RsaSecurityKey>> GetAsync(string kid, CancellationToken cancel)
    {
        if (!KidPattern().IsMatch(kid))
            return JwtRefusal.Because("The install token's kid is not a key id.");
        if (keys.TryGetValue(kid, out var cached))
            return cached;

        var url = new Uri(settings.InstallKeysBaseUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(kid));
        string pem;
        try
        {
            using var response = await http.GetAsync(url, cancel);
            if (response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
                return JwtRefusal.Because("The install token's kid names no key on the install key server.");
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Install key server answered {Status} for kid {Kid}", (int)response.StatusCode, kid);
                return ApiError.Unavailable("The install key server could not be asked for the signing key; try the install again.");
            }
            pem = await response.Content.ReadAsStringAsync(cancel);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            logger.LogWarning("Install key server unreachable for kid {Kid}: {Reason}", kid, e.Message);
            return ApiError.Unavailable("The install key server could not be reached for the signing key; try the install again.");
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var key = new RsaSecurityKey(rsa) { KeyId = kid };
            return keys.GetOrAdd(kid, key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return JwtRefusal.Because("The install key server's answer for this kid is not an RSA public key.");
        }
    }

    // Atlassian's kids are short path-safe identifiers; anything else is refused before it reaches a URL.
    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,200}$")]
    private static partial Regex KidPattern();
}

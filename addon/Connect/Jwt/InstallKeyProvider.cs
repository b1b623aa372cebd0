using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Public keys of Atlassian's install-signing key pairs, fetched as PEM from
/// <c>{Connect:InstallKeysBaseUrl}/{kid}</c> ("Connect app lifecycle: signed installs") with a timeout,
/// and cached by <c>kid</c> (a kid names one key forever) in a small bounded cache: only keys the key server served
/// are kept, and Atlassian rotates through a handful. A kid it does not know is not remembered, so it costs one request.
/// </summary>
public sealed partial class InstallKeyProvider(HttpClient http, AddonSettings settings, TimeProvider clock, ILogger<InstallKeyProvider> logger)
{
    public const string HttpClientName = "install-keys";
    public const int CacheCapacity = 100;
    private readonly BoundedCache<string, RsaSecurityKey> keys = new(CacheCapacity, TimeSpan.FromDays(1), clock, StringComparer.Ordinal);

    public async Task<Result<RsaSecurityKey>> GetAsync(string kid, CancellationToken cancel)
    {
        if (!KidPattern().IsMatch(kid))
            return JwtRefusal.Because("The install token's kid is not a key id.");
        if (keys.TryGet(kid, out var cached))
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
            keys.Set(kid, key);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return JwtRefusal.Because("The install key server's answer for this kid is not an RSA public key.");
        }
    }

    // A kid names one key file below the key server's path: one path segment of Atlassian's UUID-like identifiers
    // (letters, digits, '.', '_', '-'), starting with a letter or digit, so neither "/" nor a "." or ".." segment can make
    // the URL name anything else (a kid of ".." would otherwise fetch the key server's root).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex KidPattern();
}

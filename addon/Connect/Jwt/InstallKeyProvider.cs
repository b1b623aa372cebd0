using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Public keys of Atlassian's install-signing key pairs, fetched as PEM from
/// <c>{Connect:InstallKeysBaseUrl}/{kid}</c> ("Connect app lifecycle: signed installs") with a timeout,
/// and cached by <c>kid</c> (a kid names one key forever) in a small bounded cache: only keys the key server served
/// are kept, and Atlassian rotates through a handful. Anyone can send an install with a made-up kid, so a kid the key
/// server does not know is remembered for a while (bounded), and the key server is asked about new kids at most
/// <see cref="FetchesPerMinute"/> times a minute: beyond that an install answers 503 and Jira tries it again. Failures
/// of the key server are logged at most once a minute (<see cref="RefusalLog"/>).
/// </summary>
public sealed partial class InstallKeyProvider(HttpClient http, AddonSettings settings, TimeProvider clock, RefusalLog refusals)
{
    public const string HttpClientName = "install-keys";
    public const int CacheCapacity = 100;
    public const int FetchesPerMinute = 20;
    private readonly BoundedCache<string, RsaSecurityKey> keys = new(CacheCapacity, TimeSpan.FromDays(1), clock, StringComparer.Ordinal);
    private readonly BoundedCache<string, bool> unknown = new(1_000, TimeSpan.FromMinutes(10), clock, StringComparer.Ordinal);
    private readonly Lock budget = new();
    private DateTimeOffset windowStart = DateTimeOffset.MinValue;
    private int fetchesInWindow;

    public async Task<Result<RsaSecurityKey>> GetAsync(string kid, CancellationToken cancel)
    {
        if (!KidPattern().IsMatch(kid))
            return JwtRefusal.Because("The install token's kid is not a key id.");
        if (keys.TryGet(kid, out var cached))
            return cached;
        if (unknown.TryGet(kid, out _))
            return JwtRefusal.Because("The install token's kid names no key on the install key server.");
        if (!TakeFetch())
            return ApiError.Unavailable("The install key server is being asked about new keys too often; try the install again in a minute.");

        var url = new Uri(settings.InstallKeysBaseUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(kid));
        string pem;
        try
        {
            using var response = await http.GetAsync(url, cancel);
            if (response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
            {
                unknown.Set(kid, true);
                return JwtRefusal.Because("The install token's kid names no key on the install key server.");
            }
            if (!response.IsSuccessStatusCode)
            {
                refusals.Refused("an install", $"the install key server answered HTTP {(int)response.StatusCode}");
                return ApiError.Unavailable("The install key server could not be asked for the signing key; try the install again.");
            }
            pem = await response.Content.ReadAsStringAsync(cancel);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            refusals.Refused("an install", "the install key server could not be reached: " + e.Message);
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

    private bool TakeFetch()
    {
        lock (budget)
        {
            var now = clock.GetUtcNow();
            if (now - windowStart >= TimeSpan.FromMinutes(1))
            {
                windowStart = now;
                fetchesInWindow = 0;
            }
            return ++fetchesInWindow <= FetchesPerMinute;
        }
    }

    // A kid names one key file below the key server's path: one path segment of Atlassian's UUID-like identifiers
    // (letters, digits, '.', '_', '-'), starting with a letter or digit, so neither "/" nor a "." or ".." segment can make
    // the URL name anything else (a kid of ".." would otherwise fetch the key server's root).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex KidPattern();
}

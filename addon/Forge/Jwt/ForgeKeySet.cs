using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Forge.Jwt;

/// <summary>
/// The public keys Forge signs invocation tokens with, from <see cref="ForgeOptions.JwksUrl"/>, kept for an hour. A
/// token naming a key that is not among them makes the set be fetched again (Forge rotates its keys), but at most once
/// every <see cref="MinRefetchInterval"/> and one fetch at a time: tokens with made-up key ids cost a dictionary lookup,
/// not a request each. When Forge cannot be reached the keys already held stay in use.
/// </summary>
public sealed class ForgeKeySet(IHttpClientFactory clients, IOptions<ForgeOptions> options, TimeProvider clock, ILogger<ForgeKeySet> logger)
{
    public const string HttpClientName = "forge-jwks";
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(30);
    private const int MaxBytes = 256 * 1024;
    private const int MaxKeys = 100;

    private readonly SemaphoreSlim fetching = new(1, 1);
    private Snapshot? current;
    private DateTimeOffset lastFetch = DateTimeOffset.MinValue;

    /// <summary>The key named <paramref name="kid"/>; 401 when Forge has no such key, 503 when Forge's keys could never be read.</summary>
    public async Task<Result<JsonWebKey>> FindAsync(string kid, CancellationToken cancel)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && clock.GetUtcNow() - snapshot.At < MaxAge && snapshot.Keys.TryGetValue(kid, out var key))
            return key;

        await fetching.WaitAsync(cancel);
        try
        {
            var now = clock.GetUtcNow();
            snapshot = Volatile.Read(ref current);
            var stale = snapshot is null || now - snapshot.At >= MaxAge;
            if ((stale || !snapshot!.Keys.ContainsKey(kid)) && now - lastFetch >= MinRefetchInterval)
            {
                lastFetch = now;
                if (await FetchAsync(cancel) is { } fetched)
                    Volatile.Write(ref current, snapshot = new Snapshot(fetched, now));
            }
        }
        finally
        {
            fetching.Release();
        }

        if (snapshot is not null && snapshot.Keys.TryGetValue(kid, out key))
            return key;
        return snapshot is null
            ? ApiError.Unavailable("Forge's signing keys could not be read; the call can be made again.")
            : JwtRefusal.Because("The invocation token names a key Forge does not publish.");
    }

    private async Task<Dictionary<string, JsonWebKey>?> FetchAsync(CancellationToken cancel)
    {
        var url = options.Value.JwksUrl;
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Forge's signing keys at {Url}: HTTP {Status}", url, (int)response.StatusCode);
                return null;
            }
            if (response.Content.Headers.ContentLength > MaxBytes)
                return null;
            var json = await response.Content.ReadAsStringAsync(cancel);
            var set = new JsonWebKeySet(json);
            var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
            // Only RSA signing keys with a key id: what Forge publishes; anything else can verify nothing of ours.
            foreach (var key in set.Keys.Where(k => k.Kty == "RSA" && !string.IsNullOrEmpty(k.Kid) && (string.IsNullOrEmpty(k.Use) || k.Use == "sig")).Take(MaxKeys))
                keys[key.Kid] = key;
            logger.LogInformation("Read {Count} Forge signing key(s) from {Url}", keys.Count, url);
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException && !cancel.IsCancellationRequested)
        {
            logger.LogWarning("Forge's signing keys at {Url} could not be read: {Reason}", url, e.Message);
            return null;
        }
    }

    private sealed record Snapshot(Dictionary<string, JsonWebKey> Keys, DateTimeOffset At);
}

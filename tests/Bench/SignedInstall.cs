using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConnectAddon.TestKit;

namespace ConnectAddon.Bench;

/// <summary>
/// Installs a tenant the way Jira does with signed installs: <c>POST /lifecycle/installed</c> with an RS256 token
/// signed by the install key pair (kid in the header, aud = the app's base URL, iss = the clientKey).
/// </summary>
public static class SignedInstall
{
    public const string SiteBaseUrl = "https://bench-site.atlassian.net";

    public static async Task InstallAsync(HttpClient http, NodeProcess addon, InstallKeyPair keys, string appKey,
        string clientKey, string sharedSecret, CancellationToken cancel)
    {
        const string path = "/lifecycle/installed";
        var claims = TokenMinter.Claims(clientKey, Qsh.Of("POST", path));
        claims["aud"] = addon.BaseUrlSetting;
        var token = TokenMinter.Rs256(keys.Rsa, keys.Kid, claims);
        var body = LifecycleBody.For("installed", appKey, clientKey, SiteBaseUrl, sharedSecret);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(addon.BaseUrl, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        using var response = await http.SendAsync(request, cancel);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            var answer = await response.Content.ReadAsStringAsync(cancel);
            throw new BenchmarkFailedException($"POST {path} answered {(int)response.StatusCode} {response.ReasonPhrase}, not 204: {answer}");
        }
    }
}

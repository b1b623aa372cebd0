using ConnectAddon.TestKit;
using JiraSim.Auth;

namespace JiraSim.Connect;

/// <summary>
/// The tokens Jira puts on its requests to an app ("Understanding JWT for Connect apps"): <c>iss</c> = the site's
/// clientKey, <c>iat</c> now, <c>exp</c> three minutes later, and the <c>qsh</c> of this request relative to the
/// app's base URL, which may have a path of its own. Signed installs ("Connect app lifecycle", signed-install
/// migration) are RS256 with the simulator's install key and carry <c>aud</c> = the app's base URL; everything
/// else is HS256 with the installation's shared secret.
/// </summary>
public static class ConnectTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static string Qsh(string method, Uri target, Uri appBaseUrl) =>
        CanonicalRequest.Qsh(method, target.AbsolutePath, target.Query, appBaseUrl.AbsolutePath.TrimEnd('/'));

    public static string SignedInstall(InstallKeyPair key, string clientKey, AppDescriptor app, Uri target, DateTimeOffset now)
    {
        var claims = TokenMinter.Claims(clientKey, Qsh("POST", target, app.BaseUrl), Lifetime, now);
        claims["aud"] = app.BaseUrlText;
        lock (key) // one key serves every simulator of the process, and RSA objects are not documented thread-safe
            return TokenMinter.Rs256(key.Rsa, key.Kid, claims);
    }

    public static string SharedSecret(string sharedSecret, string clientKey, Uri appBaseUrl, Uri target, DateTimeOffset now) =>
        TokenMinter.Hs256(sharedSecret, TokenMinter.Claims(clientKey, Qsh("POST", target, appBaseUrl), Lifetime, now));
}

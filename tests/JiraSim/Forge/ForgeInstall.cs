using JiraSim.Model;

namespace JiraSim.Forge;

/// <summary>
/// A Forge app installed on a site: its manifest (as deployed), its installation id (new at each install), the app's
/// own user (accountType "app", kept across reinstalls) and its app system token, the one Forge hands the remote with
/// each invocation (<c>x-forge-oauth-system</c>) and accepts at the site's API base URL.
/// </summary>
public sealed class ForgeInstall(SimSite site, ForgeManifest manifest, string installationId, SimUser appUser, string cloudId, Uri apiBaseUrl)
{
    private readonly Lock sync = new();
    private readonly List<string> retiredTokens = [];
    private string token = NewToken();

    public SimSite Site { get; } = site;
    public ForgeManifest Manifest { get; } = manifest;
    public string InstallationId { get; } = installationId;
    public SimUser AppUser { get; } = appUser;
    public string CloudId { get; } = cloudId;
    public Uri ApiBaseUrl { get; } = apiBaseUrl;

    /// <summary>The token Forge sends now.</summary>
    public string AppToken { get { lock (sync) return token; } }

    /// <summary>Forge caches a token and hands out a new one before the old expires: both work for a while.</summary>
    public void RotateToken()
    {
        lock (sync)
        {
            retiredTokens.Add(token);
            if (retiredTokens.Count > 1)
                retiredTokens.RemoveAt(0);
            token = NewToken();
        }
    }

    /// <summary>Revokes every token: the app is uninstalled, or a test plays an expired one.</summary>
    public void RevokeTokens()
    {
        lock (sync)
        {
            retiredTokens.Clear();
            token = NewToken();
        }
    }

    public bool Accepts(string presented)
    {
        lock (sync)
            return presented == token || retiredTokens.Contains(presented);
    }

    private static string NewToken() => "forge-app-token-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
}

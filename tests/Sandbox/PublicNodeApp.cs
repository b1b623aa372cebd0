using ConnectAddon.TestKit;
using JiraSim;
using JiraSim.Forge;

namespace Sandbox;

/// <summary>
/// The public node as the app a Jira site installs, for the sandbox and the browser tests: one node configured for
/// both apps (it serves Connect and Forge sites side by side), installed into a site one way or the other, and the
/// URLs of the site's Jira pages that show the app's pages.
/// </summary>
public static class PublicNodeApp
{
    /// <summary>The sandbox's Forge app id (what <c>forge register</c> gives a real app).</summary>
    public const string ForgeAppId = "5a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

    /// <summary>The public node's settings for both apps: the Connect install keys and all.js, and the Forge app id and signing keys, all played by <paramref name="jira"/>.</summary>
    public static Dictionary<string, string> Settings(JiraSimulator jira, string appKey) => new()
    {
        ["Addon:Key"] = appKey,
        ["Addon:Name"] = "Exalate",
        ["Connect:InstallKeysBaseUrl"] = jira.InstallKeysBaseUrl.ToString(),
        ["Connect:AllJsUrl"] = jira.RootUrl + "all.js",
        ["Forge:AppId"] = ForgeAppId,
        ["Forge:JwksUrl"] = jira.ForgeJwksUrl.ToString(),
        // On loopback over plain HTTP; real deployments use HTTPS and keep this off.
        ["Transport:AllowInsecureDestinations"] = "true",
    };

    /// <summary>
    /// Installs the app into the site: the repository's manifest.yml deployed with the node as its remote (what
    /// <c>forge deploy</c> and the installation link do), or the node's Connect descriptor installed by its URL.
    /// </summary>
    public static async Task InstallAsync(JiraSimulator jira, string siteKey, AppInstall install, Uri publicNodeBaseUrl)
    {
        if (install == AppInstall.Forge)
            await InstallForgeAsync(jira, siteKey, publicNodeBaseUrl);
        else
            await jira.InstallAppAsync(siteKey, new Uri(publicNodeBaseUrl, "atlassian-connect.json"));
    }

    /// <summary>The Forge app of the repository's manifest.yml, deployed with the node as its remote and installed into the site.</summary>
    public static Task<ForgeInstall> InstallForgeAsync(JiraSimulator jira, string siteKey, Uri publicNodeBaseUrl) =>
        jira.InstallForgeAppAsync(siteKey, Path.Combine(RepositoryLayout.Root, "manifest.yml"), new Dictionary<string, string>
        {
            ["FORGE_APP_ID"] = ForgeAppId,
            ["EXALATE_BACKEND_URL"] = publicNodeBaseUrl.GetLeftPart(UriPartial.Authority),
        });

    /// <summary>
    /// The site's Jira page showing one of the app's pages to <paramref name="accountId"/>: <c>connections</c> (Settings →
    /// Apps → Exalate → Connections) or <c>sync-status</c> (the issue view's panel, with <paramref name="issueKey"/>).
    /// The Connect app's module keys and the Forge app's are the same.
    /// </summary>
    public static Uri PageUrl(JiraSimulator jira, string siteKey, AppInstall install, string appKey, string module, string accountId, string? issueKey = null)
    {
        var path = install == AppInstall.Forge ? $"{siteKey}/jira/forge/{module}" : $"{siteKey}/jira/apps/{appKey}/{module}";
        var query = "?as=" + Uri.EscapeDataString(accountId) + (issueKey is null ? "" : "&issue=" + Uri.EscapeDataString(issueKey));
        return new Uri(jira.RootUrl, path + query);
    }
}

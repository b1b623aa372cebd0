using ConnectAddon.TestKit;
using JiraSim;
using JiraSim.Seed;

namespace Sandbox;

/// <summary>
/// The whole product on one machine: the simulated Jira Cloud (site A and site B), a public node installed into
/// site A as the Forge app (or, for sites that already run it, the Connect app), and a private node whose local Jira
/// is site B (Jira Cloud, an API token) or site-dc (Jira Data Center 9.12, a personal access token). The private node is told only the public node's address through invitation
/// codes; nothing is configured to call it.
/// </summary>
public sealed class SandboxEnvironment : IAsyncDisposable
{
    public const string AppKey = "io.example.exalate-sandbox";
    public const string ConsoleUser = "admin";

    private SandboxEnvironment(AppInstall install, PrivateJira privateJira, JiraSimulator jira, NodeProcess publicNode, NodeProcess privateNode, string consolePassword)
    {
        Install = install;
        PrivateJira = privateJira;
        Jira = jira;
        PublicNode = publicNode;
        PrivateNode = privateNode;
        ConsolePassword = consolePassword;
    }

    public AppInstall Install { get; }
    public PrivateJira PrivateJira { get; }
    public JiraSimulator Jira { get; }
    public NodeProcess PublicNode { get; }
    public NodeProcess PrivateNode { get; }
    public string ConsolePassword { get; }

    /// <summary>Site A's Jira page with the app's Connections page in its iframe, signed in as <paramref name="accountId"/>.</summary>
    public Uri ConnectionsPage(string accountId = "557058:a-admin") =>
        PublicNodeApp.PageUrl(Jira, "site-a", Install, AppKey, "connections", accountId);

    /// <summary>Site A's issue view with the app's sync panel, as <paramref name="accountId"/>; <c>&lt;KEY&gt;</c> when no issue is named.</summary>
    public Uri IssuePanelPage(string issueKey, string accountId = "557058:a-user") =>
        PublicNodeApp.PageUrl(Jira, "site-a", Install, AppKey, "sync-status", accountId, issueKey);

    public Uri ConsolePage => new(PrivateNode.BaseUrl, "console");

    public static async Task<SandboxEnvironment> StartAsync(string? dataFolder = null, int? jiraPort = null, int? publicPort = null, int? privatePort = null,
        AppInstall install = AppInstall.Forge, PrivateJira privateJira = PrivateJira.Cloud)
    {
        var jira = await JiraSimulator.StartAsync(DefaultSeed.Create(), $"http://127.0.0.1:{jiraPort ?? 0}");
        NodeProcess? publicNode = null;
        try
        {
            publicNode = await NodeProcess.StartAsync(PublicNodeApp.Settings(jira, AppKey), Folder(dataFolder, "public-node"), publicPort);
            await PublicNodeApp.InstallAsync(jira, "site-a", install, publicNode.BaseUrl);

            var password = "sandbox-" + Guid.NewGuid().ToString("N")[..12];
            var settings = new Dictionary<string, string>
            {
                ["Node:Role"] = "private",
                ["Addon:Key"] = AppKey,
                ["PrivateNode:Name"] = "Globex private node",
                ["PrivateNode:AllowInsecurePublicNode"] = "true",
                // Quicker than the product's 10 s default, so site B's changes show on site A while you watch.
                ["PrivateNode:PollInterval"] = "00:00:02",
                ["Console:AdminPassword"] = password,
            };
            foreach (var (key, value) in PrivateJiraSite.Settings(jira, privateJira))
                settings[key] = value;
            var privateNode = await NodeProcess.StartAsync(settings, Folder(dataFolder, "private-node"), privatePort);
            return new SandboxEnvironment(install, privateJira, jira, publicNode, privateNode, password);
        }
        catch
        {
            if (publicNode is not null)
                await publicNode.DisposeAsync();
            await jira.DisposeAsync();
            throw;
        }
    }

    private static string? Folder(string? root, string name) => root is null ? null : Path.Combine(root, name);

    public async ValueTask DisposeAsync()
    {
        await PrivateNode.DisposeAsync();
        await PublicNode.DisposeAsync();
        await Jira.DisposeAsync();
    }
}

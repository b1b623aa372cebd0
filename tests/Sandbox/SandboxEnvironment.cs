using ConnectAddon.TestKit;
using JiraSim;
using JiraSim.Seed;

namespace Sandbox;

/// <summary>
/// The whole product on one machine: the simulated Jira Cloud (site A and site B), a public node installed into
/// site A as a Connect app, and a private node whose local Jira is site B, reached with an API token. The private
/// node is told only the public node's address through invitation codes; nothing is configured to call it.
/// </summary>
public sealed class SandboxEnvironment : IAsyncDisposable
{
    public const string AppKey = "io.example.exalate-sandbox";
    public const string ConsoleUser = "admin";

    private SandboxEnvironment(JiraSimulator jira, NodeProcess publicNode, NodeProcess privateNode, string consolePassword)
    {
        Jira = jira;
        PublicNode = publicNode;
        PrivateNode = privateNode;
        ConsolePassword = consolePassword;
    }

    public JiraSimulator Jira { get; }
    public NodeProcess PublicNode { get; }
    public NodeProcess PrivateNode { get; }
    public string ConsolePassword { get; }

    /// <summary>Site A's Jira page with the app's Connections page in its iframe, signed in as <paramref name="accountId"/>.</summary>
    public Uri ConnectionsPage(string accountId = "557058:a-admin") =>
        new($"{Jira.RootUrl}site-a/jira/apps/{AppKey}/connections?as={Uri.EscapeDataString(accountId)}");

    public Uri ConsolePage => new(PrivateNode.BaseUrl, "console");

    public static async Task<SandboxEnvironment> StartAsync(string? dataFolder = null, int? jiraPort = null, int? publicPort = null, int? privatePort = null)
    {
        var jira = await JiraSimulator.StartAsync(DefaultSeed.Create(), $"http://127.0.0.1:{jiraPort ?? 0}");
        NodeProcess? publicNode = null;
        try
        {
            publicNode = await NodeProcess.StartAsync(new Dictionary<string, string>
            {
                ["Addon:Key"] = AppKey,
                ["Addon:Name"] = "Exalate",
                ["Connect:InstallKeysBaseUrl"] = jira.InstallKeysBaseUrl.ToString(),
                ["Connect:AllJsUrl"] = jira.RootUrl + "all.js",
                // The sandbox runs on loopback over plain HTTP; real deployments use HTTPS and keep these off.
                ["Transport:AllowInsecureDestinations"] = "true",
            }, Folder(dataFolder, "public-node"), publicPort);
            await jira.InstallAppAsync("site-a", new Uri(publicNode.BaseUrl, "atlassian-connect.json"));

            var password = "sandbox-" + Guid.NewGuid().ToString("N")[..12];
            var privateNode = await NodeProcess.StartAsync(new Dictionary<string, string>
            {
                ["Node:Role"] = "private",
                ["Addon:Key"] = AppKey,
                ["PrivateNode:Name"] = "Globex private node",
                ["PrivateNode:Jira:BaseUrl"] = jira.Site("site-b").BaseUrlText,
                ["PrivateNode:Jira:Email"] = "admin@b.example",
                ["PrivateNode:Jira:ApiToken"] = DefaultSeed.AdminToken,
                ["PrivateNode:AllowInsecurePublicNode"] = "true",
                // Quicker than the product's 10 s default, so site B's changes show on site A while you watch.
                ["PrivateNode:PollInterval"] = "00:00:02",
                ["Console:AdminPassword"] = password,
            }, Folder(dataFolder, "private-node"), privatePort);
            return new SandboxEnvironment(jira, publicNode, privateNode, password);
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

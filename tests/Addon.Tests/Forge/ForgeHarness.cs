using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using JiraSim;
using JiraSim.Forge;
using JiraSim.Model;

namespace ConnectAddon.Tests.Forge;

/// <summary>
/// A public node in-process that is the remote of the repository's Forge app (manifest.yml), and the simulated Jira
/// playing Forge: the app installed on site-a from the manifest, Forge's calls (lifecycle, events, schedules, pages'
/// invokeRemote) reaching the node through its test server, the node's Jira calls reaching the simulator's API base URL.
/// </summary>
public sealed class ForgeHarness : IAsyncDisposable
{
    public const string AppUuid = "0f9e6a52-4b3c-4d1e-9a8b-7c6d5e4f3a21";
    public const string AppAri = "ari:cloud:ecosystem::app/" + AppUuid;
    public const string AdminAccountId = "557058:a-admin";
    public const string UserAccountId = "557058:a-user";

    private ForgeHarness(JiraSimulator jira, AddonHost host)
    {
        Jira = jira;
        Host = host;
    }

    public JiraSimulator Jira { get; }
    public AddonHost Host { get; }
    public ForgeInstall Install { get; private set; } = null!;
    public SimSite SiteA => Jira.Site("site-a");
    public string CloudId => Jira.State.Connect.Identity(SiteA).CloudId;

    /// <param name="before">What happens on the node before the Forge app is installed (a Connect install of the same site).</param>
    public static async Task<ForgeHarness> StartAsync(Dictionary<string, string?>? settings = null, Func<ForgeHarness, Task>? before = null)
    {
        var jira = await JiraSimulator.StartAsync();
        // Forge's retries come after 60 s; here a moment, so a test about them is quick.
        jira.Forge.Policy = new ForgeCallPolicy { RetryDelay = TimeSpan.FromMilliseconds(50) };
        var all = new Dictionary<string, string?>
        {
            ["Forge:AppId"] = AppUuid,
            ["Forge:JwksUrl"] = jira.ForgeJwksUrl.ToString(),
            ["Jira:Resilience:MaxAttempts"] = "2",
            ["Jira:Resilience:BackoffBase"] = "00:00:00.010",
            ["Jira:Resilience:CircuitMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var harness = new ForgeHarness(jira, new AddonHost(all));
        _ = harness.Host.Services;
        jira.Forge.SendThrough(harness.Host.Server.CreateHandler());
        if (before is not null)
            await before(harness);
        harness.Install = await jira.InstallForgeAppAsync("site-a", ManifestPath, Variables);
        // The installed call has the node learn the site's address in the background (serverInfo): done before a test
        // counts the site's requests or compares the database.
        await Eventually.HoldsAsync(async () => await harness.Host.ScalarAsync<string>(
            "SELECT base_url FROM tenants WHERE cloud_id = @cloudId", new { cloudId = harness.CloudId }) == harness.SiteA.BaseUrlText, "the node learned the site's address");
        return harness;
    }

    public static string ManifestPath => Path.Combine(RepositoryLayout.Root, "manifest.yml");

    public static Dictionary<string, string> Variables => new() { ["FORGE_APP_ID"] = AppUuid, ["EXALATE_BACKEND_URL"] = "https://remote.example.test" };

    /// <summary>A call from the admin page through invokeRemote, as the user, with the app token; the node's answer.</summary>
    public Task<HttpResponseMessage> FromPageAsync(HttpMethod method, string path, object? body = null, string accountId = AdminAccountId, string? token = null)
    {
        SimUser user;
        lock (SiteA.Sync)
            user = SiteA.FindUser(accountId)!;
        var fit = token ?? Jira.Forge.Token(Install, "jira:adminPage", "connections", user, new JsonObject { ["type"] = "jira:adminPage" });
        return SendAsync(method, path, body, fit, Install.AppToken);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? fit, string? appToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (fit is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fit);
        if (appToken is not null)
            request.Headers.Add("x-forge-oauth-system", appToken);
        return await Host.CreateClient().SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Jira.DisposeAsync();
    }
}

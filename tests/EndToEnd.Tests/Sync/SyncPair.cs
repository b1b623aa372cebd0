using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using EndToEnd.Tests.Support;
using EndToEnd.Tests.Transport;
using JiraSim;
using JiraSim.Model;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// A public node (site A, project ACME) and a private node (site B, project GLX) with an active Basic connection
/// between them, as real processes, and what the tests do to them: people's edits in either Jira (through the
/// simulator, which sends webhooks to the public node and is polled by the private node), the admin API of each
/// side, and reads of either Jira to see what the sync made.
/// </summary>
public sealed class SyncPair : IAsyncDisposable
{
    /// <summary>The private node polls its Jira this often in tests (the product's default is 10 s).</summary>
    public const string PollInterval = "00:00:00.300";

    private SyncPair(NodePair nodes, PrivateJira privateJira, HttpClient console, string connectionId)
    {
        Nodes = nodes;
        PrivateJira = privateJira;
        Console = console;
        ConnectionId = connectionId;
    }

    public NodePair Nodes { get; }
    /// <summary>Whether the private side is site B (Jira Cloud) or site-dc (Jira Data Center); <see cref="SiteB"/> is that site either way.</summary>
    public PrivateJira PrivateJira { get; }
    public AppInstall Install => Nodes.ForgeApp is null ? AppInstall.Connect : AppInstall.Forge;
    public HttpClient Console { get; }
    public string ConnectionId { get; }
    public JiraSimulator Jira => Nodes.Jira;
    public SimSite SiteA => Jira.Site("site-a");
    public SimSite SiteB => Jira.Site(PrivateJiraSite.Key(PrivateJira));
    public SimUser PersonA => SiteA.FindUser("557058:a-user")!;
    public SimUser PersonB => SiteB.FindUser(PrivateJiraSite.PersonId(PrivateJira))!;

    public static async Task<SyncPair> StartAsync(IReadOnlyDictionary<string, string>? privateSettings = null, IReadOnlyDictionary<string, string>? publicSettings = null,
        AppInstall install = AppInstall.Forge, PrivateJira privateJira = PrivateJira.Cloud, int publicNodes = 1)
    {
        var settings = new Dictionary<string, string> { ["PrivateNode:PollInterval"] = PollInterval };
        foreach (var (key, value) in privateSettings ?? new Dictionary<string, string>())
            settings[key] = value;
        var nodes = await NodePair.StartAsync(settings, publicSettings, install, privateJira, publicNodes);
        try
        {
            var code = await nodes.InitiateAsync();
            var console = await nodes.LogInToConsoleAsync();
            var id = await NodePair.AcceptAsync(console, code);
            var pair = new SyncPair(nodes, privateJira, console, id);
            await Eventually.HoldsAsync(async () => (await pair.PublicConnectionAsync())["status"]!.GetValue<string>() == "active",
                "the public side shows the connection active", explain: nodes.Output);
            return pair;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>The admin API of the public node, called as site A's Jira admin with a fresh context token.</summary>
    public HttpClient PublicAdmin() => Nodes.AdminClient();

    public async Task<JsonNode> PublicConnectionAsync()
    {
        using var admin = PublicAdmin();
        var list = JsonNode.Parse(await admin.GetStringAsync("api/admin/connections"))!;
        return list["connections"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == ConnectionId)!;
    }

    /// <summary>Site A's admin brings an issue under sync with the Exalate action.</summary>
    public async Task ExalateOnPublicAsync(string issueKey)
    {
        using var admin = PublicAdmin();
        using var answer = await admin.PostAsJsonAsync($"api/admin/connections/{ConnectionId}/issues", new { issue = issueKey });
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await answer.Content.ReadAsStringAsync());
    }

    /// <summary>The partner's admin brings an issue under sync from the console.</summary>
    public async Task ExalateOnPrivateAsync(string issueKey)
    {
        using var answer = await Console.PostAsJsonAsync($"api/console/connections/{ConnectionId}/issues", new { issue = issueKey });
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await answer.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> PublicSyncAsync()
    {
        using var admin = PublicAdmin();
        return JsonNode.Parse(await admin.GetStringAsync($"api/admin/connections/{ConnectionId}/sync"))!;
    }

    public async Task<JsonNode> PrivateSyncAsync() =>
        JsonNode.Parse(await Console.GetStringAsync($"api/console/connections/{ConnectionId}/sync"))!;

    /// <summary>
    /// Waits until nothing is on its way: the simulator has no webhook in flight, and on both nodes nothing waits to be
    /// read, sent or applied. A private-side change is found only at its next poll, so callers that need it seen wait
    /// for that first.
    /// </summary>
    public async Task SettledAsync()
    {
        await Jira.Webhooks.WhenIdleAsync(Eventually.Limit);
        await Jira.Forge.WhenIdleAsync(Eventually.Limit);
        string last = "";
        await Eventually.HoldsAsync(async () =>
        {
            var (a, b) = (await PublicSyncAsync(), await PrivateSyncAsync());
            last = $"public: {Queues(a)}{Environment.NewLine}private: {Queues(b)}";
            return new[] { a, b }.All(o => (long)o["queuedForPeer"]! == 0 && (long)o["waitingToApply"]! == 0 && (long)o["changedIssuesToRead"]! == 0);
        }, "both nodes have nothing queued, to apply or to read", explain: () => last + Environment.NewLine + Nodes.Output());
    }

    private static string Queues(JsonNode overview) =>
        $"queuedForPeer={overview["queuedForPeer"]}, waitingToApply={overview["waitingToApply"]}, changedIssuesToRead={overview["changedIssuesToRead"]}, errors={overview["errors"]!.ToJsonString()}";

    public SimIssue CreateOnA(string summary, string type = "Task", JsonNode? description = null, string[]? labels = null) =>
        Create(SiteA, PersonA, "ACME", summary, type, description, labels);

    public SimIssue CreateOnB(string summary, string type = "Task", JsonNode? description = null, string[]? labels = null) =>
        Create(SiteB, PersonB, "GLX", summary, type, description ?? TextOnB("About " + summary), labels);

    /// <summary>Rich text as a person writes it on the private side: ADF on Jira Cloud, wiki markup on Data Center.</summary>
    public JsonNode TextOnB(string text) => SiteB.IsDataCenter ? JsonValue.Create(text) : Adf(text);

    /// <summary>The issues of a site whose summary is <paramref name="summary"/> (a copy of the site's state, read under its lock).</summary>
    public static IReadOnlyList<SimIssue> IssuesWithSummary(SimSite site, string summary)
    {
        lock (site.Sync)
            return site.Issues.Values.Where(i => i.Summary == summary).ToList();
    }

    /// <summary>Waits until exactly one issue with this summary exists on <paramref name="site"/> and returns it.</summary>
    public async Task<SimIssue> TwinOnAsync(SimSite site, string summary)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(IssuesWithSummary(site, summary).Count > 0), $"'{summary}' appears on {site.Key}", explain: Nodes.Output);
        var found = IssuesWithSummary(site, summary);
        Assert.That(found, Has.Count.EqualTo(1), $"'{summary}' exists once on {site.Key}");
        return found[0];
    }

    /// <summary>Reads the site's state under its lock (the simulator changes it from request threads).</summary>
    public static T Read<T>(SimSite site, Func<T> read)
    {
        lock (site.Sync)
            return read();
    }

    public static string TypeName(SimSite site, SimIssue issue)
    {
        lock (site.Sync)
            return site.FindProject(issue.ProjectId)!.IssueTypes.Single(t => t.Id == issue.IssueTypeId).Name;
    }

    public static JsonObject Adf(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) }),
    };

    private static SimIssue Create(SimSite site, SimUser person, string projectKey, string summary, string type, JsonNode? description, string[]? labels)
    {
        SimProject project;
        lock (site.Sync)
            project = site.FindProject(projectKey)!;
        return site.CreateIssue(person, project, project.IssueTypes.Single(t => t.Name == type), summary, description ?? Adf("About " + summary), labels);
    }

    public async ValueTask DisposeAsync()
    {
        Console.Dispose();
        await Nodes.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace ConnectAddon.Tests.Forge;

/// <summary>
/// manifest.yml (the Forge app) and atlassian-connect.json (the Connect app) describe one product: the same admin page
/// under the same app title, the same issue module, the same events, and scopes that are exactly what the Jira REST
/// operations the app calls need, in Atlassian's own OpenAPI document. Every endpoint Forge calls is a route of the
/// public node. And Atlassian's offline validator (@forge/manifest) accepts the file.
/// </summary>
public partial class ManifestTests
{
    private static readonly YamlMappingNode Manifest = LoadManifest();
    private static readonly JsonNode Descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "atlassian-connect.json")))!;

    // The Jira REST operations the public node's client calls (addon/Jira/JiraClient.*.cs), as OpenAPI paths. The
    // private node's own operations (GET /myself, for its JQL time zone) are its user's, not the app's.
    private static readonly (string Method, string Path)[] PublicNodeOperations =
    [
        ("get", "/rest/api/3/issue/{issueIdOrKey}"), ("post", "/rest/api/3/issue"), ("put", "/rest/api/3/issue/{issueIdOrKey}"),
        ("delete", "/rest/api/3/issue/{issueIdOrKey}"),
        ("get", "/rest/api/3/issue/{issueIdOrKey}/comment"), ("post", "/rest/api/3/issue/{issueIdOrKey}/comment"),
        ("get", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}"), ("put", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}"),
        ("delete", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}"),
        ("post", "/rest/api/3/issue/{issueIdOrKey}/attachments"), ("get", "/rest/api/3/attachment/{id}"),
        ("get", "/rest/api/3/attachment/content/{id}"), ("delete", "/rest/api/3/attachment/{id}"),
        ("put", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}"), ("get", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}"),
        ("delete", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}"),
        ("get", "/rest/api/3/issuetype/project"), ("get", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes"),
        ("post", "/rest/api/3/permissions/check"), ("get", "/rest/api/3/project/{projectIdOrKey}"), ("get", "/rest/api/3/project/search"),
        ("post", "/rest/api/3/search/jql"), ("get", "/rest/api/3/serverInfo"),
    ];

    // Connect webhook events and the Forge events that say the same (Forge "Jira events"): a comment edit is
    // avi:jira:commented:issue, as its creation is.
    private static readonly Dictionary<string, string> ForgeEventOfWebhook = new()
    {
        ["jira:issue_created"] = "avi:jira:created:issue",
        ["jira:issue_updated"] = "avi:jira:updated:issue",
        ["jira:issue_deleted"] = "avi:jira:deleted:issue",
        ["comment_created"] = "avi:jira:commented:issue",
        ["comment_updated"] = "avi:jira:commented:issue",
        ["comment_deleted"] = "avi:jira:deleted:comment",
        ["attachment_created"] = "avi:jira:created:attachment",
        ["attachment_deleted"] = "avi:jira:deleted:attachment",
    };

    [Test]
    public void AdminPage_IsConnections_UnderTheAppsTitle_AsInTheConnectApp()
    {
        var page = Single(Module("jira:adminPage"));
        var section = Descriptor["modules"]!["webSections"]![0]!;
        var adminPage = Descriptor["modules"]!["adminPages"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(Text(page, "title"), Is.EqualTo("Exalate"), "the app's title, as the Connect section is named by default (Addon:Name)");
            Assert.That(section["name"]!["value"]!.GetValue<string>(), Is.EqualTo("{{name}}"));
            Assert.That(Text(((YamlSequenceNode)page["pages"])[0], "title"), Is.EqualTo(adminPage["name"]!["value"]!.GetValue<string>()));
            Assert.That(Text(page, "resource"), Is.EqualTo("connections-ui"));
        });
    }

    [Test]
    public void IssueModule_IsTheSyncStatus_AsInTheConnectApp()
    {
        var panel = Single(Module("jira:issuePanel"));
        var glance = Descriptor["modules"]!["jiraIssueGlances"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(Text(panel, "key"), Is.EqualTo(glance["key"]!.GetValue<string>()));
            Assert.That(Text(panel, "title"), Is.EqualTo(glance["content"]!["label"]!["value"]!.GetValue<string>()));
            Assert.That(Text(panel, "resource"), Is.EqualTo("issue-sync-ui"));
        });
    }

    [Test]
    public void Triggers_AreTheConnectAppsWebhooks_NoMoreNoLess()
    {
        var webhooks = Descriptor["modules"]!["webhooks"]!.AsArray().Select(w => w!["event"]!.GetValue<string>()).ToList();
        var events = Module("trigger").Where(t => Text(t, "key") == "issue-changes")
            .SelectMany(t => ((YamlSequenceNode)t["events"]).Select(e => e.ToString())).ToList();

        Assert.That(webhooks, Is.EquivalentTo(ForgeEventOfWebhook.Keys), "every webhook of the Connect app has its Forge event here");
        Assert.That(events, Is.EquivalentTo(ForgeEventOfWebhook.Values.Distinct()));
    }

    [Test]
    public void Lifecycle_InstalledAndUpgraded_AndUninstallingReachTheBackEnd()
    {
        var installation = Module("trigger").Single(t => Text(t, "key") == "installation");
        Assert.That(((YamlSequenceNode)installation["events"]).Select(e => e.ToString()), Is.EquivalentTo(new[] { "avi:forge:installed:app", "avi:forge:upgraded:app" }));
        Assert.That(Module("preUninstall"), Has.Count.EqualTo(1));
        Assert.That(Text(Single(Module("scheduledTrigger")), "interval"), Is.EqualTo("hour"), "a fresh app token is at most an hour old");
    }

    [Test]
    public void EveryEndpoint_NamesTheOneRemote_WhoseUrlComesFromTheEnvironment_AndEveryRouteIsOneOfThePublicNodes()
    {
        var remote = Single((YamlSequenceNode)Manifest["remotes"]);
        Assert.That(Text(remote, "baseUrl"), Is.EqualTo("${EXALATE_BACKEND_URL}"));

        using var host = new AddonHost();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText).ToHashSet();
        foreach (var endpoint in Module("endpoint"))
        {
            Assert.That(Text(endpoint, "remote"), Is.EqualTo(Text(remote, "key")));
            // Every endpoint asks for the app token: it is how the back end keeps a fresh one per installation.
            Assert.That(((YamlMappingNode)((YamlMappingNode)endpoint["auth"])["appSystemToken"])["enabled"].ToString(), Is.EqualTo("true"), Text(endpoint, "key"));
            if (((YamlMappingNode)endpoint).Children.TryGetValue("route", out var route))
                Assert.That(routes, Does.Contain(Text(route, "path")), $"endpoint {Text(endpoint, "key")}: Forge POSTs its events there");
        }
    }

    [Test]
    public void Scopes_AreExactlyWhatTheOperationsTheAppCallsNeed_InAtlassiansOpenApi_ForgeAndConnectAlike()
    {
        var openApi = JsonNode.Parse(File.ReadAllText(Reference.File("jira-platform-openapi-v3.json")))!;
        var oauth = new HashSet<string>(StringComparer.Ordinal);
        var connect = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, path) in PublicNodeOperations)
        {
            var operation = openApi["paths"]?[path]?[method];
            Assert.That(operation, Is.Not.Null, $"{method.ToUpperInvariant()} {path} is an operation of Jira's REST API");
            var current = operation!["x-atlassian-oauth2-scopes"]!.AsArray().Single(s => s!["state"]!.GetValue<string>() == "Current")!;
            oauth.UnionWith(current["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
            connect.Add(operation["x-atlassian-connect-scope"]!.GetValue<string>());
        }

        var manifestScopes = ((YamlSequenceNode)((YamlMappingNode)Manifest["permissions"])["scopes"]).Select(s => s.ToString()).ToList();
        var descriptorScopes = Descriptor["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(manifestScopes, Is.EquivalentTo(oauth.Append("read:app-system-token")), "Forge: the operations' scopes and the app token's, nothing more");
            Assert.That(descriptorScopes, Is.EquivalentTo(connect), "Connect: the operations' scopes, nothing more");
        });
    }

    [Test]
    public void TheOperationListAbove_HoldsEveryPathTheJiraClientBuilds()
    {
        // JiraClient.DataCenter.cs speaks Data Center's REST v2, only ever to a private node's own Jira.
        var sources = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "addon", "Jira"), "JiraClient*.cs")
            .Where(f => !f.EndsWith("JiraClient.DataCenter.cs", StringComparison.Ordinal)).Select(File.ReadAllText);
        var prefixes = sources.SelectMany(s => RestPath().Matches(s).Select(m => "/rest/api/3/" + m.Groups[1].Value)).Distinct().ToList();
        Assert.That(prefixes, Has.Count.GreaterThan(10), "the scan finds the client's paths");
        // Asked only with a private node's own credentials: who it is, and (as a Jira admin) a project's default issue type.
        string[] privateNodeOnly = ["/rest/api/3/myself", "/rest/api/3/issuetypescheme/project"];
        foreach (var prefix in prefixes.Where(p => !privateNodeOnly.Contains(p)))
            Assert.That(PublicNodeOperations.Any(o => o.Path.StartsWith(prefix, StringComparison.Ordinal)), Is.True, $"{prefix}… is in the operation list");
    }

    [Test]
    public async Task AtlassiansOfflineValidator_AcceptsTheManifest()
    {
        // @forge/manifest 13.7.0 (tests/ForgeManifest, installed by the build): its schema and Atlassian's validators.
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryLayout.Root, "tests", "ForgeManifest", "validate.mjs")])
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        TestContext.Out.WriteLine(output);
        Assert.That(node.ExitCode, Is.Zero, output + errors);
        Assert.That(output, Does.Contain("is a valid Forge manifest"));
    }

    private static YamlMappingNode LoadManifest()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryLayout.Root, "manifest.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Module(string type) =>
        ((YamlMappingNode)Manifest["modules"]).Children.TryGetValue(type, out var list)
            ? ((YamlSequenceNode)list).Cast<YamlMappingNode>().ToList()
            : [];

    private static YamlMappingNode Single(IEnumerable<YamlNode> nodes) => (YamlMappingNode)nodes.Single();

    private static string Text(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();

    // The client writes its paths as Rest + "issue/…" (Rest is the flavour's root, rest/api/3/ on Cloud).
    [GeneratedRegex("Rest \\+ \"([a-zA-Z/]+?)/?\"")]
    private static partial Regex RestPath();
}

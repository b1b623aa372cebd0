using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Tests.Support;
using NJsonSchema;

namespace ConnectAddon.Tests.Connect.Descriptor;

/// <summary>The descriptor Jira reads when an admin uploads the app: valid, filled in, and naming only routes that exist.</summary>
public class DescriptorTests
{
    private AddonHost host = null!;
    private string json = null!;
    private JsonNode descriptor = null!;

    [OneTimeSetUp]
    public async Task Fetch()
    {
        host = new AddonHost(new() { ["Addon:Name"] = "Exalate \"Test\"" });
        using var response = await host.CreateClient().GetAsync("/atlassian-connect.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        json = await response.Content.ReadAsStringAsync();
        descriptor = JsonNode.Parse(json)!;
    }

    [OneTimeTearDown]
    public void Dispose() => host.Dispose();

    [Test]
    public async Task Descriptor_ValidatesAgainstAtlassiansConnectSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Reference.File("connect-descriptor-schema-jira.json"));
        var errors = schema.Validate(json);
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public async Task Schema_RefusesABrokenDescriptor_SoTheCheckAboveIsNotVacuous()
    {
        var schema = await JsonSchema.FromFileAsync(Reference.File("connect-descriptor-schema-jira.json"));
        var broken = JsonNode.Parse(json)!;
        broken["key"] = "not a valid key!";
        broken["modules"]!["adminPages"]![0]!["key"] = "bad key";
        broken["authentication"]!.AsObject().Remove("type");
        broken["authentication"]!["type"] = "oauth";
        Assert.That(schema.Validate(broken.ToJsonString()), Has.Count.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Descriptor_HasBaseUrlKeyAndNameFromConfiguration()
    {
        Assert.That(descriptor["baseUrl"]!.GetValue<string>(), Is.EqualTo(AddonHost.BaseUrl));
        Assert.That(descriptor["key"]!.GetValue<string>(), Is.EqualTo(AddonHost.AppKey));
        Assert.That(descriptor["name"]!.GetValue<string>(), Is.EqualTo("Exalate \"Test\""));
        Assert.That(json, Does.Not.Contain("{{"));
    }

    [Test]
    public void Descriptor_UsesJwtWithSignedInstallAndContextQsh()
    {
        Assert.That(descriptor["authentication"]!["type"]!.GetValue<string>(), Is.EqualTo("jwt"));
        foreach (var migration in new[] { "signed-install", "context-qsh", "gdpr" })
            Assert.That(descriptor["apiMigrations"]![migration]!.GetValue<bool>(), Is.True, migration);
    }

    [Test]
    public void Descriptor_DeclaresTheExalateSectionWithConnectionsFirst()
    {
        var section = descriptor["modules"]!["webSections"]!.AsArray().Single()!;
        Assert.That(section["location"]!.GetValue<string>(), Is.EqualTo("admin_plugins_menu"));
        var pages = descriptor["modules"]!["adminPages"]!.AsArray();
        var first = pages.OrderBy(p => p!["weight"]?.GetValue<int>() ?? 0).First()!;
        Assert.That(first["name"]!["value"]!.GetValue<string>(), Is.EqualTo("Connections"));
        Assert.That(first["location"]!.GetValue<string>(), Is.EqualTo("admin_plugins_menu/" + section["key"]!.GetValue<string>()));
    }

    [Test]
    public void Descriptor_SubscribesToTheWebhooksTheSyncNeeds_AndTheAppHandlesEachOfThem()
    {
        var declared = descriptor["modules"]!["webhooks"]!.AsArray()
            .ToDictionary(w => w!["url"]!.GetValue<string>(), w => w!["event"]!.GetValue<string>());
        Assert.That(declared.Values, Is.EquivalentTo(new[]
        {
            "jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted",
            "attachment_created", "attachment_deleted",
        }));
        Assert.That(declared, Is.EquivalentTo(WebhookKinds.EventByRoute.ToDictionary(k => "/webhooks/" + k.Key, k => k.Value)));
    }

    private IEnumerable<(string Method, string Url)> DeclaredRoutes()
    {
        foreach (var (_, url) in descriptor["lifecycle"]!.AsObject())
            yield return ("POST", url!.GetValue<string>());
        foreach (var hook in descriptor["modules"]!["webhooks"]!.AsArray())
            yield return ("POST", hook!["url"]!.GetValue<string>());
        foreach (var page in descriptor["modules"]!["adminPages"]!.AsArray())
            yield return ("GET", page!["url"]!.GetValue<string>());
        foreach (var glance in descriptor["modules"]!["jiraIssueGlances"]!.AsArray())
            yield return ("GET", glance!["target"]!["url"]!.GetValue<string>());
    }

    [Test]
    public async Task EveryRouteTheDescriptorNames_ExistsAndDemandsAJiraJwt()
    {
        var routes = DeclaredRoutes().ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(14));
        foreach (var (method, url) in routes)
        {
            // Context parameters such as {issue.id} are filled in by Jira; any value will do here.
            var concrete = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", "X");
            using var request = new HttpRequestMessage(new HttpMethod(method), concrete);
            if (method == "POST")
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await host.CreateClient().SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {url} should exist and refuse an unsigned request");
        }
    }

    [Test]
    public async Task IconTheDescriptorNames_IsServed()
    {
        var icon = descriptor["modules"]!["jiraIssueGlances"]![0]!["icon"]!["url"]!.GetValue<string>();
        using var response = await host.CreateClient().GetAsync(new Uri(icon).AbsolutePath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
    }

    [Test]
    public void Descriptor_AsksForTheFewestScopes()
    {
        var scopes = descriptor["scopes"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.That(scopes, Is.EquivalentTo(new[] { "READ", "WRITE", "DELETE" }));
    }
}

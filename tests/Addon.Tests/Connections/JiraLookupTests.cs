using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Hosting;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport;
using JiraSim.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// What the Initiate dialog looks up (DESIGN §5): the tenant's projects from its own Jira, and the connection types
/// this node offers, or those it shares with a destination whose URL the admin typed.
/// </summary>
public class JiraLookupTests
{
    private PublicNodeHarness node = null!;
    private FakeNodeInfoClient destination = null!;

    private static readonly NodeInfo Partner = new("Exalate at partner.example", "2.0.0", "public",
        [new ConnectionTypeInfo("private", ["basic", "script"]), new ConnectionTypeInfo("public", ["basic"])]);

    [SetUp]
    public async Task Start()
    {
        destination = new FakeNodeInfoClient(Partner);
        node = await PublicNodeHarness.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<INodeInfoClient>(destination)));
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    [Test]
    public async Task Projects_AreTheTenantsOwn()
    {
        var projectsA = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/projects");
        var projectsB = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/projects", tenant: node.TenantB);

        Assert.That(projectsA.ToJsonString(), Is.EqualTo("""{"projects":[{"id":"10000","key":"ACME","name":"Acme Support"}]}"""));
        Assert.That(projectsB.ToJsonString(), Is.EqualTo("""{"projects":[{"id":"20000","key":"GLX","name":"Globex Engineering"}]}"""));
    }

    [TestCase("acm", 1)]
    [TestCase("support", 1)]
    [TestCase("globex", 0)]
    public async Task Projects_AreFilteredByTheQuery(string query, int count)
    {
        var projects = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/projects?query=" + query);
        Assert.That(projects["projects"]!.AsArray(), Has.Count.EqualTo(count));
    }

    [Test]
    public async Task Projects_WhenJiraFails_Is503()
    {
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections"); // the admin check is remembered
        node.Jira.Faults("site-a").Add(FaultRule.ServerError("GET /rest/api/3/project/search", 502, times: null));

        using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/projects");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.ServiceUnavailable, "projects");
    }

    [Test]
    public async Task Projects_WithAnOverlongQuery_Is400()
    {
        using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/projects?query=" + new string('q', 201));
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "query");
    }

    [Test]
    public async Task ConnectionTypes_WithoutADestination_AreWhatPrivateConnectionsSupport()
    {
        var types = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connection-types");

        Assert.That(types.ToJsonString(), Is.EqualTo("""{"types":[{"type":"private","modes":["basic"]}]}"""));
        Assert.That(destination.Asked, Is.Empty);
    }

    [Test]
    public async Task ConnectionTypes_ForADestination_AreThoseBothSidesSupport()
    {
        var types = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connection-types?url=" + Uri.EscapeDataString("https://partner.example/sync"));

        Assert.That(types.ToJsonString(), Is.EqualTo(
            """{"destination":{"name":"Exalate at partner.example","version":"2.0.0"},"types":[{"type":"private","modes":["basic"]}]}"""));
        Assert.That(destination.Asked, Is.EqualTo(new[] { "https://partner.example/sync" }));
    }

    [Test]
    public async Task ConnectionTypes_ForARefusedDestination_PassTheRefusalOn()
    {
        await using var refusing = await PublicNodeHarness.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<INodeInfoClient>(
            new FakeNodeInfoClient(new ApiError(400, "destination_refused", "The destination resolves to a loopback address.")))));

        using var response = await refusing.AdminAsync(HttpMethod.Get, "/api/admin/connection-types?url=https%3A%2F%2Flocalhost");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "loopback");
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("destination_refused"));
    }
}

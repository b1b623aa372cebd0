using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>Issue properties answer in the shapes of the OpenAPI document ("Issue properties").</summary>
public sealed class PropertyConformanceTests : SimulatorTest
{
    private const string Properties = "/rest/api/3/issue/{issueIdOrKey}/properties";
    private const string Property = "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}";

    [Test]
    public async Task PropertyLifecycle_Conforms()
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        var issue = site.CreateIssue(site.Users[0], project, project.IssueTypes[0], "Printer on fire", null);
        using var client = jira.Admin("site-a");
        var path = SimClients.V3($"issue/{issue.Key}/properties/sync.twin");

        await Conformance.CheckAsync(client.PutAsJsonAsync(path, new JsonObject { ["remote"] = "GLX-7" }), "PUT", Property, 201);
        await Conformance.CheckAsync(client.PutAsJsonAsync(path, new JsonObject { ["remote"] = "GLX-8" }), "PUT", Property, 200);
        var keys = await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/{issue.Key}/properties")), "GET", Properties, 200);
        Assert.That(keys!["keys"]![0]!["key"]!.GetValue<string>(), Is.EqualTo("sync.twin"));
        await Conformance.CheckAsync(client.GetAsync(path), "GET", Property, 200);
        await Conformance.CheckAsync(client.DeleteAsync(path), "DELETE", Property, 204);
        await Conformance.CheckAsync(client.GetAsync(path), "GET", Property, 404);
        await Conformance.CheckAsync(client.DeleteAsync(path), "DELETE", Property, 404);
    }

    [Test]
    public async Task PropertiesOfAMissingIssue_Answer404()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("issue/ACME-999/properties")), "GET", Properties, 404);
    }
}

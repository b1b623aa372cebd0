using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary><c>/myself</c> and the permission check answer in the shapes of the OpenAPI document ("Myself", "Permissions").</summary>
public sealed class AccountConformanceTests : SimulatorTest
{
    [Test]
    public async Task Myself_Conforms()
    {
        using var client = jira.User("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("myself")), "GET", "/rest/api/3/myself", 200);
    }

    [Test]
    public async Task Myself_Unauthenticated_AnswersErrorCollection()
    {
        using var client = jira.Anonymous("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("myself")), "GET", "/rest/api/3/myself", 401);
    }

    [TestCase("admin", new[] { "ADMINISTER" })]
    [TestCase("user", new[] { "ADMINISTER", "USER_PICKER" })]
    public async Task CheckPermissions_Conforms(string who, string[] permissions)
    {
        using var client = who == "admin" ? jira.Admin("site-a") : jira.User("site-a");
        var body = new JsonObject { ["globalPermissions"] = new JsonArray(permissions.Select(p => (JsonNode)p).ToArray()) };
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 200);
    }

    [Test]
    public async Task CheckPermissions_OfAnotherUserAsAPerson_Answers403()
    {
        using var client = jira.User("site-a");
        var body = new JsonObject { ["accountId"] = "557058:a-admin", ["globalPermissions"] = new JsonArray("ADMINISTER") };
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 403);
    }
}

using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

public class IssueTests : SimulatorTest
{
    [Test]
    public async Task CreateThenGet_ReturnsTheIssueWithItsFieldsAndTheCreatorAsReporter()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Bug", "Printer on fire", AdfDoc.Text("Smoke everywhere"));

        var (status, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(key, Is.EqualTo("ACME-1"));
        Assert.That(issue!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("Printer on fire"));
        Assert.That(issue["fields"]!["issuetype"]!["name"]!.GetValue<string>(), Is.EqualTo("Bug"));
        Assert.That(JsonNode.DeepEquals(issue["fields"]!["description"], AdfDoc.Text("Smoke everywhere")));
        Assert.That(issue["fields"]!["reporter"]!["accountId"]!.GetValue<string>(), Is.EqualTo("557058:a-admin"));
        Assert.That(issue["self"]!.GetValue<string>(), Does.StartWith(jira.Site("site-a").BaseUrlText + "/rest/api/3/issue/"));
    }

    [Test]
    public async Task Get_WithFieldsAndExclusions_ReturnsOnlyThoseFields()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Only some fields");

        var (_, some) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}?fields=summary,labels"));
        var (_, allButComments) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}?fields=*all,-comment"));

        Assert.That(some!["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "summary", "labels" }));
        Assert.That(allButComments!["fields"]!.AsObject().ContainsKey("comment"), Is.False);
        Assert.That(allButComments["fields"]!.AsObject().ContainsKey("attachment"), Is.True);
    }

    [Test]
    public async Task Edit_ChangesFieldsAndUpdatedTime_AndAnUnchangedEditIsNoChange()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Before");
        var changes = new List<string>();
        jira.Site("site-a").Changed += c => { lock (changes) changes.Add(c.Event); };

        var (status, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}"),
            new JsonObject { ["fields"] = new JsonObject { ["summary"] = "After", ["issuetype"] = new JsonObject { ["name"] = "Story" }, ["labels"] = new JsonArray("synced") } });
        var (again, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}"), new JsonObject { ["fields"] = new JsonObject { ["summary"] = "After" } });

        Assert.That(status, Is.EqualTo(204));
        Assert.That(again, Is.EqualTo(204));
        var (_, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        Assert.That(issue!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("After"));
        Assert.That(issue["fields"]!["issuetype"]!["name"]!.GetValue<string>(), Is.EqualTo("Story"));
        Assert.That(changes, Is.EqualTo(new[] { "jira:issue_updated" }));
    }

    [Test]
    public async Task Delete_RemovesTheIssue_ThenItIs404()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Doomed");
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V3($"issue/{key}"));
        var (status, body) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}"));

        Assert.That(deleted, Is.EqualTo(204));
        Assert.That(status, Is.EqualTo(404));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain("does not exist"));
        Assert.That(body["errors"]!.AsObject(), Is.Empty);
    }

    private static IEnumerable<TestCaseData> BadCreates()
    {
        JsonObject Fields(Action<JsonObject> change)
        {
            var fields = new JsonObject { ["project"] = new JsonObject { ["key"] = "ACME" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "x" };
            change(fields);
            return new JsonObject { ["fields"] = fields };
        }
        yield return new TestCaseData(Fields(f => f.Remove("summary")), "summary").SetName("Create without summary is 400 on summary");
        yield return new TestCaseData(Fields(f => f["project"] = new JsonObject { ["key"] = "NOPE" }), "project").SetName("Create in an unknown project is 400 on project");
        yield return new TestCaseData(Fields(f => f["issuetype"] = new JsonObject { ["name"] = "Story" }), "issuetype").SetName("Create with a type the project lacks is 400 on issuetype");
        yield return new TestCaseData(Fields(f => f["description"] = "plain text"), "description").SetName("Create with a non-ADF description is 400 on description");
        yield return new TestCaseData(Fields(f => f["description"] = new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(new JsonObject { ["type"] = "nonsense" }) }), "description").SetName("Create with invalid ADF is 400 on description");
        yield return new TestCaseData(Fields(f => f["customfield_10000"] = "x"), "customfield_10000").SetName("Create with an unknown field is 400 naming it");
    }

    [TestCaseSource(nameof(BadCreates))]
    public async Task BadCreate_Is400NamingTheFieldAndCreatesNothing(JsonObject body, string field)
    {
        // site-b's project has no Story type, so the "type the project lacks" case uses site-b.
        var site = body["fields"]!["issuetype"]!["name"]!.GetValue<string>() == "Story" ? "site-b" : "site-a";
        if (site == "site-b")
            body["fields"]!["project"] = new JsonObject { ["key"] = "GLX" };

        var (status, answer) = await jira.Admin(site).SendJson(HttpMethod.Post, SimClients.V3("issue"), body);

        Assert.That(status, Is.EqualTo(400), answer?.ToJsonString());
        Assert.That(answer!["errors"]![field], Is.Not.Null, answer.ToJsonString());
        Assert.That(jira.Site(site).Issues, Is.Empty);
    }

    [Test]
    public async Task MalformedJson_Is400()
    {
        using var content = new StringContent("{\"fields\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await jira.Admin("site-a").PostAsync(SimClients.V3("issue"), content);
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task IssueProperties_RoundTrip()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "With a property");
        var (created, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}/properties/sync.twin"), new JsonObject { ["remote"] = "GLX-7" });
        var (updated, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}/properties/sync.twin"), new JsonObject { ["remote"] = "GLX-8" });
        var (_, property) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}/properties/sync.twin"));
        var (_, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}?fields=summary&properties=sync.twin"));

        Assert.That((created, updated), Is.EqualTo((201, 200)));
        Assert.That(property!["value"]!["remote"]!.GetValue<string>(), Is.EqualTo("GLX-8"));
        Assert.That(issue!["properties"]!["sync.twin"]!["remote"]!.GetValue<string>(), Is.EqualTo("GLX-8"));
    }

    [Test]
    public async Task ProjectsAndIssueTypes_AreListedFromTheSeed()
    {
        var admin = jira.Admin("site-b");
        var (_, search) = await admin.SendJson(HttpMethod.Get, SimClients.V3("project/search?query=glo"));
        var (_, types) = await admin.SendJson(HttpMethod.Get, SimClients.V3("issue/createmeta/GLX/issuetypes"));
        var (_, scheme) = await admin.SendJson(HttpMethod.Get, SimClients.V3("issuetypescheme/project?projectId=20000"));

        Assert.That(search!["values"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "GLX" }));
        Assert.That(types!["issueTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Task", "Bug", "Epic", "Sub-task" }));
        Assert.That(scheme!["values"]![0]!["issueTypeScheme"]!["defaultIssueTypeId"], Is.Null, "site-b's project sets no default type");
    }
}

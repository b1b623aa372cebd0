using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

/// <summary>Sub-tasks need a parent on both flavours: Cloud (site-a, REST v3) and Data Center (site-dc, REST v2).</summary>
[TestFixture("site-a", "ACME", "Subtask", "3")]
[TestFixture("site-dc", "GLX", "Sub-task", "2")]
public sealed class SubtaskParentTests(string site, string project, string subtask, string api) : SimulatorTest
{
    private HttpClient client = null!;
    private string parentKey = null!;

    [SetUp]
    public async Task CreateParent()
    {
        client = jira.Admin(site);
        var (status, created) = await Create(Fields("Task", "Parent"));
        Assert.That(status, Is.EqualTo(201));
        parentKey = created!["key"]!.GetValue<string>();
    }

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [TestCase("key")]
    [TestCase("id")]
    public async Task ASubtaskWithAParent_IsCreated_AndShowsItsParentOnRead(string by)
    {
        var parentId = jira.Site(site).FindIssue(parentKey)!.Id;
        var fields = Fields(subtask, "Child");
        fields["parent"] = new JsonObject { [by] = by == "key" ? parentKey : parentId };

        var (status, created) = await Create(fields);
        var (_, child) = await client.SendJson(HttpMethod.Get, Path($"issue/{created!["key"]}"));

        Assert.That(status, Is.EqualTo(201), created.ToJsonString());
        var parent = child!["fields"]!["parent"]!;
        Assert.That(parent["key"]!.GetValue<string>(), Is.EqualTo(parentKey));
        Assert.That(parent["id"]!.GetValue<string>(), Is.EqualTo(parentId));
        Assert.That(parent["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("Parent"));
        Assert.That(parent["self"]!.GetValue<string>(), Does.Contain($"/rest/api/{api}/issue/{parentId}"));
    }

    [Test]
    public async Task ASubtaskWithoutAParent_IsRefused_InJirasWords()
    {
        var (status, body) = await Create(Fields(subtask, "Orphan"));

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo("Issue type is a sub-task but parent issue key or id not specified."));
        Assert.That(jira.Site(site).Issues, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AParentOnAStandardType_IsRefused()
    {
        var fields = Fields("Task", "Not a sub-task");
        fields["parent"] = new JsonObject { ["key"] = parentKey };

        var (status, body) = await Create(fields);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errors"]!["parent"]!.GetValue<string>(), Is.EqualTo("Given parent issue does not belong to appropriate hierarchy."));
    }

    [Test]
    public async Task AParentThatIsItselfASubtask_IsRefused()
    {
        var fields = Fields(subtask, "Child");
        fields["parent"] = new JsonObject { ["key"] = parentKey };
        var (_, child) = await Create(fields);
        var grandchild = Fields(subtask, "Grandchild");
        grandchild["parent"] = new JsonObject { ["key"] = child!["key"]!.GetValue<string>() };

        var (status, body) = await Create(grandchild);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errors"]!["parent"]!.GetValue<string>(), Is.EqualTo("Given parent issue does not belong to appropriate hierarchy."));
    }

    [Test]
    public async Task AParentThatDoesNotExist_IsRefused()
    {
        var fields = Fields(subtask, "Child");
        fields["parent"] = new JsonObject { ["key"] = project + "-999" };

        var (status, body) = await Create(fields);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errors"]!["parent"]!.GetValue<string>(), Is.EqualTo("Could not find issue by id or key."));
    }

    [Test]
    public async Task AStandardIssue_HasNoParentField()
    {
        var (_, issue) = await client.SendJson(HttpMethod.Get, Path($"issue/{parentKey}"));

        Assert.That(issue!["fields"]!.AsObject().ContainsKey("parent"), Is.False);
    }

    private Task<(int Status, JsonNode? Body)> Create(JsonObject fields) =>
        client.SendJson(HttpMethod.Post, Path("issue"), new JsonObject { ["fields"] = fields });

    private string Path(string path) => api == "2" ? SimClients.V2(path) : SimClients.V3(path);

    private JsonObject Fields(string type, string summary) => new()
    {
        ["project"] = new JsonObject { ["key"] = project }, ["issuetype"] = new JsonObject { ["name"] = type }, ["summary"] = summary,
    };
}

using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterIssueTests : DataCenterTest
{
    private const string Wiki = "h1. Printer\n*Bold* and _italic_, {code}x = 1{code}\n* a list item\n[a link|https://example.com]";

    [Test]
    public async Task CreateThenGet_KeepsTheWikiMarkupDescriptionVerbatim_AsAJsonString()
    {
        var key = await admin.CreateIssueV2("GLX", "Bug", "Printer on fire", Wiki);

        var (status, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(key, Is.EqualTo("GLX-1"));
        Assert.That(issue!["fields"]!["description"]!.GetValue<string>(), Is.EqualTo(Wiki));
        Assert.That(jira.Site(Site).FindIssue(key)!.Description!.GetValue<string>(), Is.EqualTo(Wiki));
        Assert.That(issue["self"]!.GetValue<string>(), Does.StartWith(jira.Site(Site).BaseUrlText + "/rest/api/2/issue/"));
    }

    [Test]
    public async Task Create_AnswersIdKeyAndAV2Self()
    {
        var (status, created) = await admin.SendJson(HttpMethod.Post, SimClients.V2("issue"), Fields("Task", "x"));

        Assert.That(status, Is.EqualTo(201));
        Assert.That(created!["self"]!.GetValue<string>(), Is.EqualTo($"{jira.Site(Site).BaseUrlText}/rest/api/2/issue/{created["id"]}"));
    }

    [Test]
    public async Task Create_WithAnAdfDocument_IsRefused_DataCenterTakesOnlyStrings()
    {
        var fields = Fields("Task", "ADF is Cloud's");
        fields["fields"]!["description"] = AdfDoc.Text("not here");

        var (status, body) = await admin.SendJson(HttpMethod.Post, SimClients.V2("issue"), fields);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errors"]!["description"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(body["errorMessages"]!.AsArray(), Is.Empty);
    }

    [TestCase("project", null, "project is required")]
    [TestCase("project", "NOPE", "valid project is required")]
    [TestCase("issuetype", null, "issue type is required")]
    [TestCase("issuetype", "Story", "valid issue type is required")]
    public async Task Create_WithoutAValidProjectOrType_IsRefusedInDataCentersWords(string field, string? value, string message)
    {
        var body = Fields("Task", "Refused");
        var fields = body["fields"]!.AsObject();
        fields.Remove(field);
        if (value is not null)
            fields[field] = field == "project" ? new JsonObject { ["key"] = value } : new JsonObject { ["name"] = value };

        var (status, refused) = await admin.SendJson(HttpMethod.Post, SimClients.V2("issue"), body);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(refused!["errors"]![field]!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task Get_RendersUsersByNameAndKey_AndTimestampsInTheSitesZone()
    {
        var key = await admin.CreateIssueV2("GLX", "Task", "Users and times");

        var (_, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}"));

        var reporter = issue!["fields"]!["reporter"]!.AsObject();
        Assert.That(reporter.Select(p => p.Key), Is.SupersetOf(new[] { "self", "name", "key", "emailAddress", "displayName", "active", "timeZone" }));
        Assert.That(reporter.ContainsKey("accountId"), Is.False);
        Assert.That(reporter["name"]!.GetValue<string>(), Is.EqualTo("admin"));
        var created = issue["fields"]!["created"]!.GetValue<string>();
        Assert.That(created, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$"));
        var stored = jira.Site(Site).FindIssue(key)!.Created;
        var offset = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(stored);
        Assert.That(created[^5..], Is.EqualTo((offset.Hours == 2 ? "+0200" : "+0100")));
        Assert.That(issue["fields"]!["issuetype"]!.AsObject().ContainsKey("hierarchyLevel"), Is.False);
    }

    [Test]
    public async Task TimestampsOfAWinterIssue_AreRenderedAtPlusOneHour()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 18, 15, 30, TimeSpan.Zero));
        await jira.DisposeAsync();
        jira = await JiraSimulator.StartAsync(clock: clock);
        using var client = jira.Admin(Site);
        var key = await client.CreateIssueV2("GLX", "Task", "Winter");

        var (_, issue) = await client.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}?fields=created,updated"));

        Assert.That(issue!["fields"]!["created"]!.GetValue<string>(), Is.EqualTo("2026-12-04T19:15:30.000+0100"));
        Assert.That(issue["fields"]!["updated"]!.GetValue<string>(), Is.EqualTo("2026-12-04T19:15:30.000+0100"));
    }

    [Test]
    public async Task Get_WithFieldsAndExclusions_ReturnsOnlyThoseFields()
    {
        var key = await admin.CreateIssueV2("GLX", "Task", "Only some fields");

        var (_, some) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}?fields=summary,labels"));
        var (_, allButComments) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}?fields=*all,-comment"));

        Assert.That(some!["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "summary", "labels" }));
        Assert.That(allButComments!["fields"]!.AsObject().ContainsKey("comment"), Is.False);
        Assert.That(allButComments["fields"]!.AsObject().ContainsKey("attachment"), Is.True);
    }

    [Test]
    public async Task PropertiesGivenOnCreate_AreReadableWithTheIssueAndThroughThePropertiesResource()
    {
        var body = Fields("Task", "With a property");
        body["properties"] = new JsonArray(new JsonObject { ["key"] = "sync", ["value"] = new JsonObject { ["twin"] = "ACME-7" } });
        var (_, created) = await admin.SendJson(HttpMethod.Post, SimClients.V2("issue"), body);
        var key = created!["key"]!.GetValue<string>();

        var (_, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}?properties=sync"));
        var (_, property) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/properties/sync"));
        var (_, keys) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/properties"));

        Assert.That(issue!["properties"]!["sync"]!["twin"]!.GetValue<string>(), Is.EqualTo("ACME-7"));
        Assert.That(property!["value"]!["twin"]!.GetValue<string>(), Is.EqualTo("ACME-7"));
        Assert.That(keys!["keys"]![0]!["self"]!.GetValue<string>(), Does.Contain("/rest/api/2/issue/"));
    }

    [Test]
    public async Task PropertyPutAndDelete_Work()
    {
        var key = await admin.CreateIssueV2("GLX", "Task", "Properties");

        var (created, _) = await admin.SendJson(HttpMethod.Put, SimClients.V2($"issue/{key}/properties/p"), new JsonObject { ["a"] = 1 });
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V2($"issue/{key}/properties/p"));
        var (gone, _) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/properties/p"));

        Assert.That((created, deleted, gone), Is.EqualTo((201, 204, 404)));
    }

    [Test]
    public async Task EditWithWikiMarkup_ThenDelete()
    {
        var key = await admin.CreateIssueV2("GLX", "Task", "Before", "old");

        var (edited, _) = await admin.SendJson(HttpMethod.Put, SimClients.V2($"issue/{key}"),
            new JsonObject { ["fields"] = new JsonObject { ["summary"] = "After", ["description"] = "*new*", ["labels"] = new JsonArray("synced") } });
        var (_, issue) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}"));
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V2($"issue/{key}"));
        var (status, missing) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}"));

        Assert.That(edited, Is.EqualTo(204));
        Assert.That(issue!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("After"));
        Assert.That(issue["fields"]!["description"]!.GetValue<string>(), Is.EqualTo("*new*"));
        Assert.That(deleted, Is.EqualTo(204));
        Assert.That(status, Is.EqualTo(404));
        Assert.That(missing!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo("Issue does not exist or you do not have permission to see it."));
        Assert.That(missing["errors"]!.AsObject(), Is.Empty);
    }

    private static JsonObject Fields(string type, string summary) => new()
    {
        ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "GLX" }, ["issuetype"] = new JsonObject { ["name"] = type }, ["summary"] = summary },
    };
}

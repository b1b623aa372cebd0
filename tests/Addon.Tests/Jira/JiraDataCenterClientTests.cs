using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using JiraSim;
using JiraSim.Seed;

namespace ConnectAddon.Tests.Jira;

/// <summary>
/// The client speaking Jira Data Center's REST v2 to the simulator's Data Center site (site-dc, 9.12, Europe/Berlin)
/// over real HTTP: everything the sync does, with rich text going in and out as ADF while Jira holds wiki markup.
/// </summary>
public class JiraDataCenterClientTests
{
    private JiraSimulator jira = null!;
    private JiraHarness harness = null!;
    private JiraClient client = null!;

    [SetUp]
    public async Task Start()
    {
        jira = await JiraSimulator.StartAsync();
        harness = new JiraHarness();
        client = harness.Factory.For(jira.Site(DefaultSeed.DataCenterSite).BaseUrl, JiraCredentials.PersonalAccessToken(DefaultSeed.AdminPat), JiraFlavour.DataCenter);
    }

    [TearDown]
    public async Task Stop()
    {
        harness.Dispose();
        await jira.DisposeAsync();
    }

    private static T Ok<T>(JiraResult<T> result)
    {
        Assert.That(result.IsSuccess, Is.True, result.ToString());
        return result.Value!;
    }

    private static void Ok(JiraResult result) => Assert.That(result.IsSuccess, Is.True, result.ToString());

    private static JsonObject Bold(string strong, string plain) => new()
    {
        ["type"] = "doc", ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text", ["text"] = strong, ["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" }) },
                new JsonObject { ["type"] = "text", ["text"] = plain }),
        }),
    };

    private string StoredDescription(string key)
    {
        var site = jira.Site(DefaultSeed.DataCenterSite);
        lock (site.Sync)
            return site.FindIssue(key)!.Description!.GetValue<string>();
    }

    [Test]
    public async Task ServerInfo_SaysDataCenterAndItsVersion_OnRestV2()
    {
        var info = Ok(await client.GetServerInfoAsync());

        var (product, refusal) = JiraProduct.From(info);
        Assert.That(refusal, Is.Null);
        Assert.That(product!.DisplayName, Is.EqualTo("Jira Data Center 9.12.15"));
    }

    [Test]
    public async Task Issue_IsWrittenAsWikiMarkup_AndReadBackAsTheSameAdf()
    {
        var project = Ok(await client.GetProjectAsync("GLX"));
        var types = Ok(await client.GetIssueTypesForProjectAsync(long.Parse(project.Id)));
        var task = types.Single(t => t.Name == "Task");

        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate(project.Id, task.Id, "Printer on fire", Bold("Smoke", " from tray 2"))));
        var issue = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["summary", "description", "issuetype", "updated"] }));

        Assert.That(StoredDescription(created.Key), Is.EqualTo("*Smoke* from tray 2"), "Data Center holds wiki markup");
        Assert.That(JsonNode.DeepEquals(issue.Description, Bold("Smoke", " from tray 2")), Is.True, issue.Description?.ToJsonString());
        Assert.That(JsonNode.DeepEquals(client.AsStored(Bold("Smoke", " from tray 2")), issue.Description), Is.True);
        Assert.That(issue.Summary, Is.EqualTo("Printer on fire"));
        Assert.That(issue.Updated, Is.Not.Null, "Data Center's timestamps (+0100) are read");

        Ok(await client.EditIssueAsync(created.Key, new JiraIssueInput { Fields = new JsonObject { ["description"] = Bold("Fire", " is out") } }));
        Assert.That(StoredDescription(created.Key), Is.EqualTo("*Fire* is out"));

        Ok(await client.DeleteIssueAsync(created.Key));
        Assert.That((await client.GetIssueAsync(created.Key)).Error?.Kind, Is.EqualTo(JiraErrorKind.NotFound));
    }

    [Test]
    public async Task Mentions_ReadBackWithThePersonsName_EachUsernameAskedOnce()
    {
        var type = Ok(await client.GetIssueTypesForProjectAsync(20000)).First(t => t.Name == "Task").Id;
        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("20000", type, "Who is who", ConnectAddon.Jira.Wiki.WikiMarkup.ToAdf("Ask [~user] or [~ghost], then [~user] again"))));

        var first = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["description"] }));
        var again = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["description"] }));

        var mentions = first.Description!["content"]![0]!["content"]!.AsArray().Where(n => (string?)n!["type"] == "mention").Select(n => (string)n!["attrs"]!["text"]!).ToList();
        Assert.That(mentions, Is.EqualTo(new[] { "@Uma User (DC)", "@ghost", "@Uma User (DC)" }), "a username Jira does not know stays as it is");
        Assert.That(JsonNode.DeepEquals(first.Description, again.Description), Is.True);
        Assert.That(jira.Site(DefaultSeed.DataCenterSite).Requests["GET /rest/api/2/user"], Is.EqualTo(2), "each username asked once: user, ghost");
        Assert.That(StoredDescription(created.Key), Is.EqualTo("Ask [~user] or [~ghost], then [~user] again"), "written by username");
        Assert.That(JsonNode.DeepEquals(client.AsStored(first.Description), first.Description), Is.True, "what the sync writes back reads as it was");
    }

    [Test]
    public async Task IssueTypes_OfAProject_KnowEpicsAndSubtasks_WithoutAHierarchyLevelFromJira()
    {
        var project = Ok(await client.GetProjectAsync("GLX"));

        var types = Ok(await client.GetIssueTypesForProjectAsync(long.Parse(project.Id)));

        Assert.That(types.Single(t => t.Name == "Epic").HierarchyLevel, Is.EqualTo(1));
        Assert.That(types.Single(t => t.Subtask == true).HierarchyLevel, Is.EqualTo(-1));
        Assert.That(types.Single(t => t.Name == "Task").HierarchyLevel, Is.EqualTo(0));
    }

    [Test]
    public async Task Comments_GoInAndComeOutAsAdf()
    {
        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("20000", Ok(await client.GetIssueTypesForProjectAsync(20000)).First(t => t.Name == "Task").Id, "With comments")));

        var first = Ok(await client.AddCommentAsync(created.Key, Bold("first", " comment")));
        Ok(await client.UpdateCommentAsync(created.Key, first.Id, Bold("first", ", edited")));
        Ok(await client.AddCommentAsync(created.Key, Bold("second", "")));
        var comments = Ok(await client.GetAllCommentsAsync(created.Key));
        var inline = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["comment"] }));

        Assert.That(comments.Select(c => WikiOf(c.Body)), Is.EqualTo(new[] { "*first*, edited", "*second*" }));
        Assert.That(comments[0].Author?.Name, Is.EqualTo("admin"), "Data Center names people by username");
        Assert.That(WikiOf(inline.Fields["comment"]!["comments"]![1]!["body"]), Is.EqualTo("*second*"), "comments read with the issue are ADF too");

        Ok(await client.DeleteCommentAsync(created.Key, first.Id));
        Assert.That(Ok(await client.GetAllCommentsAsync(created.Key)), Has.Count.EqualTo(1));
    }

    private static string WikiOf(JsonNode? adf) => ConnectAddon.Jira.Wiki.WikiMarkup.ToWiki(adf);

    [Test]
    public async Task Search_PagesByOffset_ThroughEveryMatchOnce()
    {
        var type = Ok(await client.GetIssueTypesForProjectAsync(20000)).First(t => t.Name == "Task").Id;
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
            keys.Add(Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("20000", type, "Issue " + i))).Key);

        var found = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = Ok(await client.SearchAsync(new JiraSearchRequest { Jql = "project = GLX ORDER BY key ASC", Fields = ["updated"], MaxResults = 2, NextPageToken = token }));
            found.AddRange(page.Issues.Select(i => i.Key!));
            Assert.That(page.Issues.All(i => i.Updated is not null), Is.True);
            token = page.IsLast ? null : page.NextPageToken;
            pages++;
        } while (token is not null);

        Assert.That(found, Is.EqualTo(keys));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Attachments_UploadDownloadAndDelete_KeepTheBytes()
    {
        var type = Ok(await client.GetIssueTypesForProjectAsync(20000)).First(t => t.Name == "Task").Id;
        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("20000", type, "With a file")));

        // The bytes come from the attachment's /secure/attachment/… URL, with the token.
        await AttachmentRoundTrip.AssertKeepsTheBytesAsync(client, jira.Site(DefaultSeed.DataCenterSite), created.Key, "trace log.bin", 200_000);
    }

    [Test]
    public async Task Projects_AreFoundByKeyOrName_AndMyselfHasATimeZone()
    {
        var byName = Ok(await client.SearchProjectsAsync("globex"));
        var none = Ok(await client.SearchProjectsAsync("nothing-like-it"));
        var me = Ok(await client.GetMyselfAsync());

        Assert.That(byName.Values.Select(p => p.Key), Is.EqualTo(new[] { "GLX" }));
        Assert.That(none.Values, Is.Empty);
        Assert.That(me.Name, Is.EqualTo("admin"));
        Assert.That(me.TimeZone, Is.EqualTo("Europe/Berlin"));
    }

    [Test]
    public async Task Password_AuthenticatesItsUser_WhereBasicAuthenticationIsOn()
    {
        var withPassword = harness.Factory.For(jira.Site(DefaultSeed.DataCenterSite).BaseUrl, JiraCredentials.Password("user", DefaultSeed.UserPassword), JiraFlavour.DataCenter);
        var wrong = harness.Factory.For(jira.Site(DefaultSeed.DataCenterSite).BaseUrl, JiraCredentials.Password("user", "not-the-password"), JiraFlavour.DataCenter);

        Assert.That(Ok(await withPassword.GetMyselfAsync()).Name, Is.EqualTo("user"));
        Assert.That((await wrong.GetMyselfAsync()).Error?.Kind, Is.EqualTo(JiraErrorKind.Unauthorized));
    }
}

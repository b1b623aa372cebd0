using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

/// <summary>GET and POST /rest/api/3/search/jql ("Issue search: Search for issues using JQL enhanced search"), and the removed /search.</summary>
public sealed class SearchTests : SimulatorTest
{
    private static readonly string SearchJql = SimClients.V3("search/jql");

    private List<SimIssue> CreateIssues(int count, string summary = "Issue", params string[] labels)
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        return Enumerable.Range(1, count).Select(i => site.CreateIssue(site.Users[0], project, project.IssueTypes[0], $"{summary} {i}", null, labels)).ToList();
    }

    private static Task<(int Status, JsonNode? Body)> Post(HttpClient client, JsonObject body) => client.SendJson(HttpMethod.Post, SearchJql, body);

    private static Task<(int Status, JsonNode? Body)> Get(HttpClient client, string query) => client.SendJson(HttpMethod.Get, SearchJql + "?" + query);

    private static List<string> Ids(JsonNode? body) => body!["issues"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    [Test]
    public async Task Post_WithoutFields_ReturnsOnlyIdsAndIsLast()
    {
        var issues = CreateIssues(2);
        using var admin = jira.Admin("site-a");

        var (status, body) = await Post(admin, new JsonObject { ["jql"] = "project = ACME ORDER BY key" });

        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        Assert.That(body!["issues"]!.ToJsonString(), Is.EqualTo($"[{{\"id\":\"{issues[0].Id}\"}},{{\"id\":\"{issues[1].Id}\"}}]"));
        Assert.That(body["isLast"]!.GetValue<bool>(), Is.True);
        Assert.That(body.AsObject().ContainsKey("nextPageToken"), Is.False);
    }

    [Test]
    public async Task Get_WithoutFields_ReturnsOnlyIds()
    {
        var issues = CreateIssues(1);
        using var admin = jira.Admin("site-a");

        var (status, body) = await Get(admin, "jql=" + Uri.EscapeDataString("project = ACME"));

        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        Assert.That(body!["issues"]!.ToJsonString(), Is.EqualTo($"[{{\"id\":\"{issues[0].Id}\"}}]"));
    }

    [Test]
    public async Task Post_WithFieldsAndProperties_RendersThemPerIssue()
    {
        var issue = CreateIssues(1, "Printer on fire", "hardware")[0];
        issue.Properties["sync.twin"] = new JsonObject { ["remote"] = "GLX-7" };
        using var admin = jira.Admin("site-a");

        var (status, body) = await Post(admin, new JsonObject
        {
            ["jql"] = "labels = hardware", ["fields"] = new JsonArray("summary", "labels"), ["properties"] = new JsonArray("sync.twin"), ["expand"] = "names",
        });

        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        var found = body!["issues"]![0]!;
        Assert.That(found["key"]!.GetValue<string>(), Is.EqualTo(issue.Key));
        Assert.That(found["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "summary", "labels" }));
        Assert.That(found["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("Printer on fire 1"));
        Assert.That(found["properties"]!["sync.twin"]!["remote"]!.GetValue<string>(), Is.EqualTo("GLX-7"));
        Assert.That(body["names"]!["summary"]!.GetValue<string>(), Is.EqualTo("Summary"));
    }

    [Test]
    public async Task Get_WithCommaSeparatedAndRepeatedFields_RendersThoseFields()
    {
        CreateIssues(1);
        using var admin = jira.Admin("site-a");

        var (status, body) = await Get(admin, "jql=project%3DACME&fields=summary,updated&fields=issuetype");

        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        Assert.That(body!["issues"]![0]!["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "summary", "updated", "issuetype" }));
    }

    [Test]
    public async Task Post_Paging_ReturnsEachOf120IssuesOnceInOrder()
    {
        var expected = CreateIssues(120).Select(i => i.Id).ToList();
        using var admin = jira.Admin("site-a");
        var seen = new List<string>();
        var pages = new List<(int Count, bool IsLast, bool HasToken)>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["jql"] = "project = ACME ORDER BY key ASC", ["maxResults"] = 50 };
            if (token is not null)
                request["nextPageToken"] = token;
            var (status, body) = await Post(admin, request);
            Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
            token = body!["nextPageToken"]?.GetValue<string>();
            pages.Add((body["issues"]!.AsArray().Count, body["isLast"]!.GetValue<bool>(), token is not null));
            seen.AddRange(Ids(body));
        }
        while (token is not null && pages.Count < 10);

        Assert.That(seen, Is.EqualTo(expected));
        Assert.That(pages, Is.EqualTo(new[] { (50, false, true), (50, false, true), (20, true, false) }));
    }

    [Test]
    public async Task Get_Paging_WithTheDefaultOrder_ReturnsNewestFirstAndEachOnce()
    {
        var expected = CreateIssues(120).Select(i => i.Id).Reverse().ToList();
        using var admin = jira.Admin("site-a");
        var seen = new List<string>();
        string? token = null;
        for (var page = 0; page < 10; page++)
        {
            var (status, body) = await Get(admin, "jql=project%20%3D%20ACME&maxResults=40" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token)));
            Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
            seen.AddRange(Ids(body));
            token = body!["nextPageToken"]?.GetValue<string>();
            if (token is null)
                break;
        }
        Assert.That(seen, Is.EqualTo(expected));
    }

    [Test]
    public async Task Paging_IssuesCreatedBetweenPages_NeitherRepeatNorShiftTheRest()
    {
        var first = CreateIssues(3).Select(i => i.Id).ToList();
        using var admin = jira.Admin("site-a");
        var jql = "project = ACME ORDER BY created ASC";

        var (_, page1) = await Post(admin, new JsonObject { ["jql"] = jql, ["maxResults"] = 2 });
        var later = CreateIssues(1)[0].Id;
        var (_, page2) = await Post(admin, new JsonObject { ["jql"] = jql, ["maxResults"] = 2, ["nextPageToken"] = page1!["nextPageToken"]!.GetValue<string>() });

        Assert.That(Ids(page1).Concat(Ids(page2)), Is.EqualTo(first.Append(later)));
    }

    [Test]
    public async Task MaxResults_WithFieldsIsClampedTo100_AndIdsOnlyGoBeyond()
    {
        CreateIssues(120);
        using var admin = jira.Admin("site-a");

        var (_, withFields) = await Post(admin, new JsonObject { ["jql"] = "project = ACME", ["maxResults"] = 1000, ["fields"] = new JsonArray("summary") });
        var (_, idsOnly) = await Post(admin, new JsonObject { ["jql"] = "project = ACME", ["maxResults"] = 1000 });

        Assert.That(withFields!["issues"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That(withFields["isLast"]!.GetValue<bool>(), Is.False);
        Assert.That(idsOnly!["issues"]!.AsArray(), Has.Count.EqualTo(120));
        Assert.That(idsOnly["isLast"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task MaxResults_ByDefault_Is50()
    {
        CreateIssues(51);
        using var admin = jira.Admin("site-a");
        var (_, body) = await Post(admin, new JsonObject { ["jql"] = "project = ACME" });
        Assert.That(body!["issues"]!.AsArray(), Has.Count.EqualTo(50));
    }

    [Test]
    public async Task NextPageToken_OfAnotherQuery_Is400()
    {
        CreateIssues(3);
        using var admin = jira.Admin("site-a");
        var (_, page1) = await Post(admin, new JsonObject { ["jql"] = "project = ACME", ["maxResults"] = 1 });

        var (status, body) = await Post(admin, new JsonObject { ["jql"] = "project = ACME ORDER BY key", ["nextPageToken"] = page1!["nextPageToken"]!.GetValue<string>() });

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain("nextPageToken"));
    }

    [Test]
    public async Task SyntaxError_Is400InJirasShapeSayingWhere()
    {
        using var admin = jira.Admin("site-a");
        var (status, body) = await Post(admin, new JsonObject { ["jql"] = "project = ACME AND" });
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!.ToJsonString(), Is.EqualTo(
            "{\"errorMessages\":[\"Error in the JQL Query: Expecting a field name but got the end of the query. (line 1, character 19)\"],\"errors\":{}}"));
    }

    [Test]
    public async Task UnknownProjectAndUnsupportedField_Are400ListingBoth()
    {
        using var admin = jira.Admin("site-a");
        var (status, body) = await Get(admin, "jql=" + Uri.EscapeDataString("project = NOPE AND assignee = currentUser()"));
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[]
        {
            "The value 'NOPE' does not exist for the field 'project'.",
            "Error in the JQL Query: The simulated Jira does not support the field 'assignee'; it supports project, issuekey (key, id, issue), issuetype (type), labels, created (createdDate), updated (updatedDate) and summary. (line 1, character 20)",
        }));
        Assert.That(body["errors"]!.AsObject(), Is.Empty);
    }

    [TestCase("")]
    [TestCase("ORDER BY created DESC")]
    public async Task UnboundedQuery_Is400(string jql)
    {
        using var admin = jira.Admin("site-a");
        var (status, body) = await Post(admin, new JsonObject { ["jql"] = jql });
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo("Unbounded JQL queries are not allowed here. Please add a search restriction to your query."));
    }

    [TestCase("{\"jql\":\"project = ACME\",\"startAt\":50}", "Unrecognized field \"startAt\"")]
    [TestCase("{\"jql\":\"project = ACME\",\"maxResults\":\"ten\"}", "'maxResults' must be an integer")]
    [TestCase("{\"jql\":\"project = ACME\",\"fields\":\"summary\"}", "'fields' must be an array of strings")]
    [TestCase("{\"jql\":42}", "'jql' must be a string")]
    [TestCase("[1,2]", "must be a JSON object")]
    public async Task MalformedBody_Is400SayingWhy(string json, string message)
    {
        using var admin = jira.Admin("site-a");
        using var response = await admin.PostAsync(SearchJql, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain(message));
    }

    [Test]
    public async Task Get_MaxResultsNotANumber_Is400()
    {
        using var admin = jira.Admin("site-a");
        var (status, body) = await Get(admin, "jql=project%3DACME&maxResults=lots");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain("maxResults"));
    }

    [Test]
    public async Task ReconcileIssues_IsAcceptedAndChangesNothing()
    {
        var issue = CreateIssues(1)[0];
        using var admin = jira.Admin("site-a");

        var (postStatus, post) = await Post(admin, new JsonObject { ["jql"] = "project = ACME", ["reconcileIssues"] = new JsonArray(long.Parse(issue.Id)) });
        var (getStatus, get) = await Get(admin, $"jql=project%3DACME&reconcileIssues={issue.Id}");

        Assert.That((postStatus, getStatus), Is.EqualTo((200, 200)));
        Assert.That(Ids(post), Is.EqualTo(new[] { issue.Id }));
        Assert.That(Ids(get), Is.EqualTo(new[] { issue.Id }));
    }

    [Test]
    public async Task Search_SeesAWriteImmediately()
    {
        using var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Bug", "Just created");
        var (_, body) = await Post(admin, new JsonObject { ["jql"] = $"key = {key}", ["fields"] = new JsonArray("summary") });
        Assert.That(body!["issues"]![0]!["key"]!.GetValue<string>(), Is.EqualTo(key));
    }

    [Test]
    public async Task Search_IsCountedUnderItsRoute()
    {
        using var admin = jira.Admin("site-a");
        await Post(admin, new JsonObject { ["jql"] = "project = ACME" });
        await Get(admin, "jql=project%3DACME");
        var requests = jira.Site("site-a").Requests;
        Assert.That((requests["POST /rest/api/3/search/jql"], requests["GET /rest/api/3/search/jql"]), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task Search_Anonymous_Is401()
    {
        using var anonymous = jira.Anonymous("site-a");
        var (postStatus, _) = await Post(anonymous, new JsonObject { ["jql"] = "project = ACME" });
        var (getStatus, _) = await Get(anonymous, "jql=project%3DACME");
        Assert.That((postStatus, getStatus), Is.EqualTo((401, 401)));
    }

    [Test]
    public async Task OldSearch_GetAndPost_Are410PointingToSearchJql()
    {
        using var admin = jira.Admin("site-a");
        var (getStatus, get) = await admin.SendJson(HttpMethod.Get, SimClients.V3("search?jql=project%3DACME"));
        var (postStatus, post) = await admin.SendJson(HttpMethod.Post, SimClients.V3("search"), new JsonObject { ["jql"] = "project = ACME" });

        Assert.That((getStatus, postStatus), Is.EqualTo((410, 410)));
        foreach (var body in new[] { get, post })
            Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo(
                "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"));
    }
}

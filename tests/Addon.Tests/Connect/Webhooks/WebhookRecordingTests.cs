using ConnectAddon.TestKit;
using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Webhooks;

/// <summary>What the sync engine will consume: which issue of which tenant changed, recorded durably before 204.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class WebhookRecordingTests(TestStore store) : InstalledSiteTest(store)
{
    internal static JsonObject Body(string webhookEvent, string issueId, string key = "ACME-1") => new()
    {
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["webhookEvent"] = webhookEvent,
        ["user"] = new JsonObject { ["accountId"] = "557058:someone" },
        ["issue"] = new JsonObject { ["id"] = issueId, ["key"] = key, ["self"] = "https://acme.atlassian.net/rest/api/2/issue/" + issueId, ["fields"] = new JsonObject { ["summary"] = "Printer on fire" } },
    };

    private Task<HttpResponseMessage> Send(string kind, JsonObject body, string? deliveryId = null, JiraSite? from = null) =>
        host.PostJsonAsync("/webhooks/" + kind, body.ToJsonString(), (from ?? site).Token("POST", "/webhooks/" + kind),
            r => { if (deliveryId is not null) r.Headers.Add("X-Atlassian-Webhook-Identifier", deliveryId); });

    [Test]
    public async Task IssueUpdated_SignedByTenant_RecordsTheIssueAndAnswers204()
    {
        using var response = await Send("issue-updated", Body("jira:issue_updated", "10001"), "delivery-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var rows = await host.QueryAsync<(string ClientKey, string IssueId, string IssueKey, string LastEvent, long ChangeSeq)>(
            "SELECT client_key, issue_id, issue_key, last_event, change_seq FROM dirty_issues");
        Assert.That(rows, Is.EqualTo(new[] { (site.ClientKey, "10001", "ACME-1", "jira:issue_updated", 1L) }));
    }

    [Test]
    public async Task SameIssueChangedRepeatedly_CoalescesIntoOneRowWithAGrowingChangeCount()
    {
        foreach (var (kind, name) in new[] { ("issue-created", "jira:issue_created"), ("comment-created", "comment_created"), ("issue-updated", "jira:issue_updated") })
            using (var response = await Send(kind, Body(name, "10001"), Guid.NewGuid().ToString()))
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var rows = await host.QueryAsync<(string IssueId, string LastEvent, long ChangeSeq)>("SELECT issue_id, last_event, change_seq FROM dirty_issues");
        Assert.That(rows, Is.EqualTo(new[] { ("10001", "jira:issue_updated", 3L) }));
    }

    [Test]
    public async Task DeliveryRetriedWithTheSameIdentifier_IsRecordedOnce()
    {
        for (var attempt = 0; attempt < 3; attempt++)
            using (var response = await Send("issue-updated", Body("jira:issue_updated", "10001"), "retried-delivery"))
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await host.ScalarAsync<long>("SELECT change_seq FROM dirty_issues WHERE issue_id = '10001'"), Is.EqualTo(1));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries"), Is.EqualTo(1));
    }

    [Test]
    public async Task ManyConcurrentDeliveries_WithRetriesAmongThem_AreEachRecordedExactlyOnce()
    {
        // 300 deliveries over 20 issues, each sent twice at once (a retry racing its original).
        var sends = Enumerable.Range(0, 300).SelectMany(n => new[] { n, n }).Select(async n =>
        {
            using var response = await Send("issue-updated", Body("jira:issue_updated", (10000 + n % 20).ToString()), "delivery-" + n);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(sends);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries"), Is.EqualTo(300));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.EqualTo(20));
        Assert.That(await host.ScalarAsync<long>("SELECT SUM(change_seq) FROM dirty_issues"), Is.EqualTo(300));
    }

    [Test]
    public async Task RecordedWebhook_SurvivesARestartOfTheApp()
    {
        await using var database = TestDatabase.Create(store, purpose: "webhook_restart");
        {
            using (var first = new AddonHost(database: database))
            {
                var installed = await first.InstallAsync();
                using var response = await first.PostJsonAsync("/webhooks/issue-updated", Body("jira:issue_updated", "10001").ToJsonString(),
                    installed.Token("POST", "/webhooks/issue-updated"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }

            using var restarted = new AddonHost(database: database);
            Assert.That(await restarted.ScalarAsync<string>("SELECT issue_id FROM dirty_issues"), Is.EqualTo("10001"));
        }
    }

    [Test]
    public async Task SameIssueIdOnTwoTenants_IsRecordedSeparatelyPerTenant()
    {
        var other = await host.InstallAsync(siteBaseUrl: "https://globex.atlassian.net");
        using (await Send("issue-updated", Body("jira:issue_updated", "10001"), "same-id")) { }
        using (await Send("issue-updated", Body("jira:issue_updated", "10001"), "same-id", other)) { }

        var rows = await host.QueryAsync<string>("SELECT client_key FROM dirty_issues ORDER BY client_key");
        Assert.That(rows, Is.EquivalentTo(new[] { site.ClientKey, other.ClientKey }));
    }

    [Test]
    public async Task AttachmentCreatedWithoutAnIssue_IsAcceptedAndMarksNothing()
    {
        var body = new JsonObject { ["webhookEvent"] = "attachment_created", ["attachment"] = new JsonObject { ["id"] = "20001", ["filename"] = "log.txt" } };
        using var response = await Send("attachment-created", body, "attachment-delivery");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.Zero);
    }

    [Test]
    public async Task NumericIssueId_IsAcceptedLikeAString()
    {
        var body = Body("jira:issue_updated", "1");
        body["issue"]!["id"] = 10042;
        using var response = await Send("issue-updated", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<string>("SELECT issue_id FROM dirty_issues"), Is.EqualTo("10042"));
    }

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return new TestCaseData("issue-updated", "{\"webhookEvent\": \"jira:issue_updated\", \"issue\": ", HttpStatusCode.BadRequest, "not valid JSON").SetName("Malformed JSON is refused");
        yield return new TestCaseData("issue-updated", "[1,2]", HttpStatusCode.BadRequest, "JSON object").SetName("A JSON array is refused");
        yield return new TestCaseData("issue-updated", "", HttpStatusCode.BadRequest, "empty").SetName("An empty body is refused");
        yield return new TestCaseData("issue-updated", Body("jira:issue_created", "1").ToJsonString(), HttpStatusCode.BadRequest, "does not match").SetName("A body for another event is refused");
        yield return new TestCaseData("issue-updated", "{\"issue\":{\"id\":\"1\"}}", HttpStatusCode.BadRequest, "webhookEvent").SetName("A body without webhookEvent is refused");
        yield return new TestCaseData("issue-updated", "{\"webhookEvent\":\"jira:issue_updated\"}", HttpStatusCode.BadRequest, "no issue").SetName("An issue event without an issue is refused");
        yield return new TestCaseData("issue-updated", Body("jira:issue_updated", "DROP TABLE").ToJsonString(), HttpStatusCode.BadRequest, "issue.id").SetName("A non-numeric issue id is refused");
        yield return new TestCaseData("issue-updated", Body("jira:issue_updated", "1", key: "not a key").ToJsonString(), HttpStatusCode.BadRequest, "issue.key").SetName("A malformed issue key is refused");
        yield return new TestCaseData("sprint-started", Body("sprint_started", "1").ToJsonString(), HttpStatusCode.NotFound, "sprint-started").SetName("A webhook the app does not subscribe to is 404");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task BadBody_IsRefusedWithAReasonAndChangesNothing(string kind, string json, HttpStatusCode status, string reason)
    {
        var before = await host.SnapshotAsync();
        using var response = await host.PostJsonAsync("/webhooks/" + kind, json, site.Token("POST", "/webhooks/" + kind),
            r => r.Headers.Add("X-Atlassian-Webhook-Identifier", "bad-delivery"));

        await ApiErrorAssert.IsRefusal(response, status, reason);
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task OversizedBody_Is413AndChangesNothing()
    {
        var body = Body("jira:issue_updated", "10001");
        body["issue"]!["fields"]!["description"] = new string('x', 5 * 1024 * 1024);
        var before = await host.SnapshotAsync();

        using var response = await Send("issue-updated", body, "huge");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.RequestEntityTooLarge, "at most");
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task NonJsonContentType_Is415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/issue-updated") { Content = new StringContent("issue=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new("JWT", site.Token("POST", "/webhooks/issue-updated"));
        using var response = await host.CreateClient().SendAsync(request);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Test]
    public async Task WrongMethodOnWebhookRoute_IsAJson405()
    {
        using var response = await host.CreateClient().GetAsync("/webhooks/issue-updated");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.MethodNotAllowed);
    }
}

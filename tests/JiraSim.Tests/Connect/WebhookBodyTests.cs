using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>Webhook bodies in the REST v2 shape Jira sends (DESIGN §7a), per event.</summary>
public class WebhookBodyTests : InstalledAppTest
{
    [Test]
    public async Task IssueCreated_CarriesTheUserAndTheIssueInV2Shape_WithTheDescriptionAsWikiMarkup()
    {
        var issue = CreateIssue("Printer on fire", AdfDoc.Text("It smokes."));

        var body = (await WebhooksAsync("jira:issue_created")).Single().Json;
        var fields = body["issue"]!["fields"]!;

        Assert.That(body["webhookEvent"]!.GetValue<string>(), Is.EqualTo("jira:issue_created"));
        Assert.That(body["issue_event_type_name"]!.GetValue<string>(), Is.EqualTo("issue_created"));
        Assert.That(body["timestamp"]!.GetValue<long>(), Is.EqualTo(issue.Created.ToUnixTimeMilliseconds()).Within(1000));
        Assert.That(body["user"]!["accountId"]!.GetValue<string>(), Is.EqualTo(User.AccountId));
        Assert.That(body["user"]!["accountType"]!.GetValue<string>(), Is.EqualTo("atlassian"));
        Assert.That((body["issue"]!["id"]!.GetValue<string>(), body["issue"]!["key"]!.GetValue<string>()), Is.EqualTo((issue.Id, issue.Key)));
        Assert.That(body["issue"]!["self"]!.GetValue<string>(), Is.EqualTo($"{Site.BaseUrlText}/rest/api/2/issue/{issue.Id}"));
        Assert.That(fields["summary"]!.GetValue<string>(), Is.EqualTo("Printer on fire"));
        Assert.That(fields["description"]!.GetValue<string>(), Is.EqualTo("It smokes."));
        Assert.That(fields["issuetype"]!["name"]!.GetValue<string>(), Is.EqualTo("Task"));
        Assert.That(fields["project"]!["key"]!.GetValue<string>(), Is.EqualTo("ACME"));
        Assert.That(fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[] { "hardware" }));
        Assert.That(fields["created"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$"));
        Assert.That(body.ToJsonString(), Does.Not.Contain("/rest/api/3/"), "every link is a v2 link");
    }

    [Test]
    public async Task SummaryEdited_IssueUpdatedCarriesAChangelogItem_WithOldAndNewValue()
    {
        var issue = CreateIssue("Printer on fire");
        Site.EditIssue(User, issue, summary: "Printer still on fire");

        var body = (await WebhooksAsync("jira:issue_updated")).Single().Json;
        var item = body["changelog"]!["items"]!.AsArray().Single()!;

        Assert.That(body["issue_event_type_name"]!.GetValue<string>(), Is.EqualTo("issue_updated"));
        Assert.That(body["changelog"]!["id"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That((item["field"]!.GetValue<string>(), item["fieldtype"]!.GetValue<string>()), Is.EqualTo(("summary", "jira")));
        Assert.That((item["fromString"]!.GetValue<string>(), item["toString"]!.GetValue<string>()), Is.EqualTo(("Printer on fire", "Printer still on fire")));
        Assert.That(body["issue"]!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("Printer still on fire"));
    }

    [Test]
    public async Task CommentCreated_SendsCommentCreatedWithoutUser_AndIssueUpdatedWithTheComment()
    {
        var issue = CreateIssue();
        var comment = Site.AddComment(User, issue, AdfDoc.Text("Have you tried turning it off?"))!;

        var created = (await WebhooksAsync("comment_created")).Single().Json;
        var updated = app.Webhooks("jira:issue_updated").Single().Json;

        Assert.That(created.ContainsKey("user"), Is.False, "comment_* bodies may lack the top-level user");
        Assert.That(created["comment"]!["id"]!.GetValue<string>(), Is.EqualTo(comment.Id));
        Assert.That(created["comment"]!["body"]!.GetValue<string>(), Is.EqualTo("Have you tried turning it off?"));
        Assert.That(created["comment"]!["author"]!["accountId"]!.GetValue<string>(), Is.EqualTo(User.AccountId));
        Assert.That(created["comment"]!["self"]!.GetValue<string>(), Does.Contain("/rest/api/2/issue/"));
        Assert.That(created["issue"]!["id"]!.GetValue<string>(), Is.EqualTo(issue.Id));
        Assert.That(updated["issue_event_type_name"]!.GetValue<string>(), Is.EqualTo("issue_commented"));
        Assert.That(updated["comment"]!["id"]!.GetValue<string>(), Is.EqualTo(comment.Id));
        Assert.That(updated.ContainsKey("changelog"), Is.False);
    }

    [Test]
    public async Task CommentEditedAndDeleted_IssueUpdatedNamesWhatHappenedToTheComment()
    {
        var issue = CreateIssue();
        var comment = Site.AddComment(User, issue, AdfDoc.Text("First"))!;
        Site.UpdateComment(User, issue, comment, AdfDoc.Text("Second"));
        Site.DeleteComment(User, issue, comment);

        var names = (await WebhooksAsync("jira:issue_updated")).Select(w => w.Json["issue_event_type_name"]!.GetValue<string>());

        Assert.That(names, Is.EqualTo(new[] { "issue_commented", "issue_comment_edited", "issue_comment_deleted" }));
        Assert.That(app.Webhooks("comment_updated").Single().Json["comment"]!["body"]!.GetValue<string>(), Is.EqualTo("Second"));
        Assert.That(app.Webhooks("comment_deleted").Single().Json["comment"]!["id"]!.GetValue<string>(), Is.EqualTo(comment.Id));
    }

    [Test]
    public async Task AttachmentCreated_BodyDoesNotNameTheIssue_TheIssueUpdatedChangelogDoes()
    {
        var issue = CreateIssue();
        var attachment = Site.AddAttachment(User, issue, "log.txt", "text/plain", "boom"u8.ToArray())!;

        var created = (await WebhooksAsync("attachment_created")).Single().Json;
        var updated = app.Webhooks("jira:issue_updated").Single().Json;
        var item = updated["changelog"]!["items"]!.AsArray().Single()!;

        Assert.That(created.ContainsKey("issue"), Is.False);
        Assert.That(created.ToJsonString(), Does.Not.Contain(issue.Key));
        Assert.That(created["attachment"]!["id"]!.GetValue<string>(), Is.EqualTo(attachment.Id));
        Assert.That(created["attachment"]!["filename"]!.GetValue<string>(), Is.EqualTo("log.txt"));
        Assert.That((item["field"]!.GetValue<string>(), item["to"]!.GetValue<string>(), item["toString"]!.GetValue<string>()), Is.EqualTo(("Attachment", attachment.Id, "log.txt")));
        Assert.That(updated["issue"]!["id"]!.GetValue<string>(), Is.EqualTo(issue.Id));
    }

    [Test]
    public async Task IssueDeleted_NamesTheIssueThatIsGone()
    {
        var issue = CreateIssue();
        Site.DeleteIssue(User, issue);

        var body = (await WebhooksAsync("jira:issue_deleted")).Single().Json;

        Assert.That(body["issue_event_type_name"]!.GetValue<string>(), Is.EqualTo("issue_deleted"));
        Assert.That(body["issue"]!["id"]!.GetValue<string>(), Is.EqualTo(issue.Id));
    }

    [Test]
    public async Task Body_IsTheStateAtTheChange_NotALaterOne()
    {
        var issue = CreateIssue("First");
        jira.Webhooks.Pause();
        Site.EditIssue(User, issue, summary: "Second");
        Site.EditIssue(User, issue, summary: "Third");
        jira.Webhooks.Release();

        var summaries = (await WebhooksAsync("jira:issue_updated")).Select(w => w.Json["issue"]!["fields"]!["summary"]!.GetValue<string>());

        Assert.That(summaries, Is.EqualTo(new[] { "Second", "Third" }));
    }

    [Test]
    public async Task RichDescription_BecomesWikiMarkup()
    {
        var description = JsonNode.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"Hello "},{"type":"text","text":"bold","marks":[{"type":"strong"}]},
                {"type":"text","text":" "},{"type":"mention","attrs":{"id":"557058:a-admin","text":"@Ada"}}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]}]},
                                             {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]}]}
            """);
        CreateIssue("Rich", description);

        var body = (await WebhooksAsync("jira:issue_created")).Single().Json;

        Assert.That(body["issue"]!["fields"]!["description"]!.GetValue<string>(), Is.EqualTo("Hello *bold* [~accountid:557058:a-admin]\n\n* one\n* two"));
    }
}

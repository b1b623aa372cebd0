using ConnectAddon.TestKit;
using JiraSim.Connect;

namespace JiraSim.Tests.Connect;

/// <summary>How webhooks are addressed and signed: URL (with context parameters), JWT, qsh, headers.</summary>
public class WebhookSigningTests : InstalledAppTest
{
    protected override IEnumerable<(string Event, string Url)> ExtraWebhooks =>
        [("jira:issue_created", "/hooks/created?issueId={issue.id}&projectKey={project.key}&who={user.accountId}")];

    [Test]
    public async Task Webhook_IsSignedWithTheSharedSecret_IssIsTheClientKey_QshMatchesThePost()
    {
        CreateIssue();

        var webhook = (await WebhooksAsync("jira:issue_created")).Single();
        var claims = JwtParts.Claims(webhook.Token!);

        Assert.That(JwtParts.HasValidHs256Signature(webhook.Token!, installed.SharedSecret), Is.True);
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(jira.ClientKey("site-a")));
        Assert.That(claims["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("POST", "/webhooks/issue-created")));
        Assert.That(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), Is.InRange(1, 180));
        Assert.That(webhook.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(webhook.WebhookIdentifier, Is.Not.Empty);
        Assert.That(webhook.Header("X-Atlassian-Webhook-Retry"), Is.Null, "a first attempt is not a retry");
    }

    [Test]
    public async Task WebhookUrlWithContextParameters_IsFilledIn_AndItsQueryIsInTheQsh()
    {
        var issue = CreateIssue();

        await jira.Webhooks.WhenIdleAsync(Generous);
        var webhook = app.Received("/hooks/created").Single();
        var query = new[] { ("issueId", issue.Id), ("projectKey", "ACME"), ("who", User.AccountId) };

        Assert.That(webhook.RawTarget, Is.EqualTo($"/app/hooks/created?issueId={issue.Id}&projectKey=ACME&who={Uri.EscapeDataString(User.AccountId)}"));
        Assert.That(JwtParts.Claims(webhook.Token!)["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("POST", "/hooks/created", query)));
    }

    [Test]
    public async Task EachDelivery_HasItsOwnIdentifier()
    {
        var issue = CreateIssue();
        Site.EditIssue(User, issue, summary: "Changed");

        await jira.Webhooks.WhenIdleAsync(Generous);
        var identifiers = app.Requests.Where(r => r.WebhookIdentifier is not null).Select(w => w.WebhookIdentifier).ToList();

        Assert.That(identifiers, Has.Count.EqualTo(3)); // created twice (two subscriptions), updated once
        Assert.That(identifiers, Is.Unique);
    }

    [Test]
    public async Task Reinstall_LaterWebhooksAreSignedWithTheNewSecret()
    {
        var again = await jira.InstallAppAsync("site-a", app.DescriptorUrl);
        CreateIssue();

        var webhook = (await WebhooksAsync("jira:issue_created")).Single();

        Assert.That(JwtParts.HasValidHs256Signature(webhook.Token!, again.SharedSecret), Is.True);
        Assert.That(JwtParts.HasValidHs256Signature(webhook.Token!, installed.SharedSecret), Is.False);
    }

    [Test]
    public async Task DeliveryLog_RecordsEachAttemptWithItsUrlEventAndStatus()
    {
        CreateIssue();
        await jira.Webhooks.WhenIdleAsync(Generous);

        var entry = jira.Webhooks.Log.Entries.Single(e => e.Url.AbsolutePath == "/app/webhooks/issue-created");

        Assert.That((entry.Event, entry.Attempt, entry.Status, entry.Outcome), Is.EqualTo(("jira:issue_created", 1, (int?)204, WebhookOutcome.Delivered)));
        Assert.That((entry.SiteKey, entry.AppKey), Is.EqualTo(("site-a", RecordingApp.Key)));
    }
}

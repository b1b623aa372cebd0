using EndToEnd.Tests.Support;
using JiraSim.Model;

using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// Issue 6: "a periodic JQL catch-up for issues under sync so that a lost webhook costs minutes, not data". Here the
/// public node's catch-up runs every 2 s (the product's default is 5 minutes) and Jira drops the webhooks of a change.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SyncCatchUpTests
{
    private SyncPair pair = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        // Lost deliveries are played with the simulator's Connect webhooks; the catch-up that finds them is the same for Forge sites.
        pair = await SyncPair.StartAsync(publicSettings: new Dictionary<string, string> { ["Sync:CatchUpInterval"] = "00:00:02" }, install: AppInstall.Connect);

    [OneTimeTearDown]
    public async Task Stop() => await pair.DisposeAsync();

    [Test]
    public async Task ChangeWhoseWebhooksAreLost_IsFoundByTheCatchUp_AndArrivesOnce()
    {
        var source = pair.CreateOnA("Quiet change");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Quiet change");
        await pair.SettledAsync();

        // Exactly the three deliveries of these two changes: issue_updated, then comment_created and issue_updated.
        pair.Jira.Webhooks.DropNext(3);
        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Quiet change, never announced");
        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("nobody told the app"));

        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteB, () => twin.Summary == "Quiet change, never announced" && twin.Comments.Count == 1)),
            "the catch-up found the change and it arrived", explain: pair.Nodes.Output);
        pair.Jira.Webhooks.Reset();
        await pair.SettledAsync();
        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.Read(pair.SiteB, () => twin.Comments.Count), Is.EqualTo(1), "once");
            Assert.That(pair.Nodes.Public.Output, Has.Some.Contains("Catch-up found"), "it was the catch-up that found it");
        });
    }

    [Test]
    public async Task IssueMatchingATriggerWhoseCreationWebhookIsLost_IsBroughtUnderSyncByTheCatchUp()
    {
        using (var admin = pair.PublicAdmin())
        using (var added = await admin.PostAsync($"api/admin/connections/{pair.ConnectionId}/triggers",
                   new StringContent("""{"jql":"project = ACME AND labels = quiet"}""", System.Text.Encoding.UTF8, "application/json")))
            Assert.That((int)added.StatusCode, Is.EqualTo(201), await added.Content.ReadAsStringAsync());

        pair.Jira.Webhooks.DropNext(1); // its jira:issue_created
        pair.CreateOnA("Created in silence", labels: ["quiet"]);
        await pair.TwinOnAsync(pair.SiteB, "Created in silence");
        pair.Jira.Webhooks.Reset();
    }

}

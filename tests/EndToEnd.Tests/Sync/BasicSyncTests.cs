using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Support;
using JiraSim.Model;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// Basic mode over real processes (DESIGN §7): issues brought under sync on either side appear once on the other
/// side and stay in step, both ways. One connection for the fixture; each test works on its own issues. With site A
/// on the Forge app (its changes arrive as Forge triggers, its Jira is called with the app token) and on the Connect
/// app (webhooks, signed calls); and with the private node on Jira Cloud (site B) and on Jira Data Center (site-dc:
/// REST v2, wiki markup, a personal access token).
/// </summary>
[TestFixture(AppInstall.Forge, PrivateJira.Cloud)]
[TestFixture(AppInstall.Connect, PrivateJira.Cloud)]
[TestFixture(AppInstall.Forge, PrivateJira.DataCenter)]
[NonParallelizable]
public sealed class BasicSyncTests(AppInstall install, PrivateJira privateJira)
{
    private SyncPair pair = null!;

    [OneTimeSetUp]
    // The sync's own log at Information on both nodes: a failure's message then shows what each side decided.
    public async Task Start() => pair = await SyncPair.StartAsync(SyncLog, SyncLog, install, privateJira);

    private static readonly Dictionary<string, string> SyncLog = new() { ["Logging:LogLevel:ConnectAddon.Sync"] = "Information" };

    [OneTimeTearDown]
    public async Task Stop() => await pair.DisposeAsync();

    [Test]
    public async Task IssueExalatedOnThePublicSide_AppearsOnThePrivateSideOnce_WithSummaryDescriptionAndType()
    {
        var source = pair.CreateOnA("Printer on fire", "Bug", SyncPair.Adf("Smoke from tray 2"));
        await pair.ExalateOnPublicAsync(source.Key);

        var twin = await pair.TwinOnAsync(pair.SiteB, "Printer on fire");
        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.TypeName(pair.SiteB, twin), Is.EqualTo("Bug"));
            Assert.That(twin.ProjectId, Is.EqualTo("20000"), "created in the connection's project on site B");
            Assert.That(twin.Description!.ToJsonString(), Does.Contain("Smoke from tray 2"));
        });
        await Eventually.HoldsAsync(async () =>
            (await pair.PublicSyncAsync())["issues"]!.AsArray().Any(i => (string?)i!["issueKey"] == source.Key && (string?)i["twinKey"] == twin.Key),
            "the public side shows the twin's key", explain: pair.Nodes.Output);
    }

    [Test]
    public async Task ChangesOnThePublicSide_ReachTheNodeThroughTheSitesOwnApp_ForgeTriggersOrConnectWebhooks()
    {
        var source = pair.CreateOnA("Which channel");
        await pair.ExalateOnPublicAsync(source.Key);
        await pair.TwinOnAsync(pair.SiteB, "Which channel");
        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Which channel, edited");
        await pair.TwinOnAsync(pair.SiteB, "Which channel, edited");

        var forgeEvents = pair.Jira.Forge.Log.Where(d => d.Kind.StartsWith("avi:jira:", StringComparison.Ordinal) && d.Body.Contains(source.Id, StringComparison.Ordinal)).ToList();
        var webhooks = pair.Jira.Webhooks.Log.Entries.Where(w => w.Body.Contains(source.Id, StringComparison.Ordinal)).ToList();
        if (install == AppInstall.Forge)
        {
            Assert.That(forgeEvents.Select(d => d.Kind), Does.Contain("avi:jira:updated:issue"));
            Assert.That(forgeEvents.All(d => d.Succeeded), Is.True, "every event answered 2xx within Forge's 5 s");
            Assert.That(webhooks, Is.Empty, "a Forge site sends no Connect webhooks");
        }
        else
        {
            Assert.That(webhooks, Is.Not.Empty);
            Assert.That(forgeEvents, Is.Empty);
        }
    }

    [Test]
    public async Task IssueExalatedOnThePrivateSide_AppearsOnThePublicSide()
    {
        var source = pair.CreateOnB("VPN drops every hour");
        await pair.ExalateOnPrivateAsync(source.Key);

        var twin = await pair.TwinOnAsync(pair.SiteA, "VPN drops every hour");
        Assert.That(twin.ProjectId, Is.EqualTo("10000"));
    }

    [Test]
    public async Task Comments_TravelBothWays_OnceEach_WithAuthorVisible_AndEditsAndDeletesFollow()
    {
        var source = pair.CreateOnA("Comment traffic");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Comment traffic");

        var fromA = pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("First from A"))!;
        await CommentsHoldAsync(pair.SiteB, twin, bodies => bodies.Count(b => b.Contains("First from A")) == 1, "A's comment copied to B once");
        var copyOnB = Comments(pair.SiteB, twin).Single(c => c.Body.ToJsonString().Contains("First from A"));
        Assert.That(copyOnB.Body.ToJsonString(), Does.Contain(pair.PersonA.DisplayName), "who wrote it stays visible");

        pair.SiteB.AddComment(pair.PersonB, twin, pair.TextOnB("Reply from B"));
        await CommentsHoldAsync(pair.SiteA, source, bodies => bodies.Count(b => b.Contains("Reply from B")) == 1, "B's comment copied to A once");

        pair.SiteA.UpdateComment(pair.PersonA, source, fromA, SyncPair.Adf("First from A, edited"));
        await CommentsHoldAsync(pair.SiteB, twin, bodies => bodies.Count(b => b.Contains("First from A, edited")) == 1 && bodies.Count(b => b.Contains("First from A")) == 1,
            "the edit replaced the copy's text");

        pair.SiteA.DeleteComment(pair.PersonA, source, fromA);
        await CommentsHoldAsync(pair.SiteB, twin, bodies => !bodies.Any(b => b.Contains("First from A")), "the deletion removed the copy");
        Assert.That(Comments(pair.SiteA, source).Select(c => c.Body.ToJsonString()).Count(b => b.Contains("Reply from B")), Is.EqualTo(1),
            "the copy on A was never sent back and copied again");
    }

    [Test]
    public async Task Attachments_TravelBothWays_ByteExact_OnceEach_AndDeletionsFollow()
    {
        var source = pair.CreateOnA("Attachment traffic");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Attachment traffic");

        var bytesA = RandomBytes(300_000, seed: 1);
        var onA = pair.SiteA.AddAttachment(pair.PersonA, source, "trace.log", "text/plain", bytesA)!;
        await AttachmentsHoldAsync(pair.SiteB, twin, files => files.Count(f => f.FileName == "trace.log") == 1, "A's attachment copied to B");
        Assert.That(Attachments(pair.SiteB, twin).Single(f => f.FileName == "trace.log").Content, Is.EqualTo(bytesA), "byte-exact on B");

        var bytesB = RandomBytes(70_000, seed: 2);
        pair.SiteB.AddAttachment(pair.PersonB, twin, "screen.png", "image/png", bytesB);
        await AttachmentsHoldAsync(pair.SiteA, source, files => files.Count(f => f.FileName == "screen.png") == 1, "B's attachment copied to A");
        Assert.That(Attachments(pair.SiteA, source).Single(f => f.FileName == "screen.png").Content, Is.EqualTo(bytesB), "byte-exact on A");

        pair.SiteA.DeleteAttachment(pair.PersonA, source, onA);
        await AttachmentsHoldAsync(pair.SiteB, twin, files => files.All(f => f.FileName != "trace.log"), "the deletion removed the copy on B");
        Assert.Multiple(() =>
        {
            Assert.That(Attachments(pair.SiteA, source).Count(f => f.FileName == "screen.png"), Is.EqualTo(1), "the copy on A was never sent back");
            Assert.That(Attachments(pair.SiteB, twin).Count(f => f.FileName == "screen.png"), Is.EqualTo(1), "B's own attachment stays once");
        });
    }

    [TestCase("Story", "Task", TestName = "IssueType_MissingOnThePrivateSide_FallsBackToTask_AndTheOriginalKeepsItsType(Story)")]
    [TestCase("Epic", "Task", TestName = "IssueType_EpicsFallBackToTask_AndTheOriginalKeepsItsType(Epic)")]
    [TestCase("Bug", "Bug", TestName = "IssueType_PresentOnBothSides_IsMirroredByName(Bug)")]
    [TestCase("Subtask", "Task", TestName = "IssueType_SubtaskTypesFallBackToTask_BasicModeCarriesNoParents(Subtask)")]
    public async Task IssueType_IsMirroredByName_WithTheFallback(string typeOnA, string expectedOnB)
    {
        var summary = $"Typed as {typeOnA}";
        var source = pair.CreateOnA(summary, typeOnA);
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, summary);
        Assert.That(SyncPair.TypeName(pair.SiteB, twin), Is.EqualTo(expectedOnB));

        // A later change on B travels back without dragging B's fallback type over A's own type.
        pair.SiteB.EditIssue(pair.PersonB, twin, summary: summary + " (seen)");
        var back = await pair.TwinOnAsync(pair.SiteA, summary + " (seen)");
        Assert.Multiple(() =>
        {
            Assert.That(back.Id, Is.EqualTo(source.Id));
            Assert.That(SyncPair.TypeName(pair.SiteA, back), Is.EqualTo(typeOnA));
        });
    }

    [Test]
    public async Task IssueType_ChangedOnOneSide_FollowsOnTheOther()
    {
        var source = pair.CreateOnB("Retyped on B");
        await pair.ExalateOnPrivateAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteA, "Retyped on B");
        Assert.That(SyncPair.TypeName(pair.SiteA, twin), Is.EqualTo("Task"));

        SimProject glx;
        lock (pair.SiteB.Sync)
            glx = pair.SiteB.FindProject("GLX")!;
        pair.SiteB.EditIssue(pair.PersonB, source, type: glx.IssueTypes.Single(t => t.Name == "Bug"));
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.TypeName(pair.SiteA, twin) == "Bug"), "A's twin became a Bug", explain: pair.Nodes.Output);
    }

    [Test]
    public async Task SummaryAndDescription_EditedOnEitherSide_Follow()
    {
        var source = pair.CreateOnA("Edit me");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Edit me");

        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Edit me (A)", description: SyncPair.Adf("Described on A"), setDescription: true);
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteB, () => twin.Summary == "Edit me (A)" && twin.Description!.ToJsonString().Contains("Described on A"))),
            "A's edit reached B", explain: pair.Nodes.Output);

        pair.SiteB.EditIssue(pair.PersonB, twin, description: pair.TextOnB("Described on B"), setDescription: true);
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteA, () => source.Description!.ToJsonString().Contains("Described on B"))),
            "B's edit reached A", explain: pair.Nodes.Output);
        Assert.That(SyncPair.Read(pair.SiteA, () => source.Summary), Is.EqualTo("Edit me (A)"), "B's edit of the description left the summary alone");
    }

    [Test]
    public async Task RichText_KeepsItsFormattingBothWays_AndTheSyncsOwnWritesAreNeverSentBack()
    {
        var source = pair.CreateOnA("Formatted", "Task", Formatted("tray 2"));
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Formatted");
        await pair.SettledAsync();
        var editsOfA = SyncPair.Read(pair.SiteA, () => pair.SiteA.Requests[IssueEdit(pair.SiteA)]);

        // Data Center holds wiki markup; Jira Cloud the ADF as it came.
        var onB = SyncPair.Read(pair.SiteB, () => twin.Description!.DeepClone());
        if (pair.SiteB.IsDataCenter)
            Assert.That(onB.GetValue<string>(), Is.EqualTo("*Smoke* from tray 2\n\n* one\n* two"));
        else
            Assert.That(JsonNode.DeepEquals(onB, Formatted("tray 2")), Is.True, onB.ToJsonString());
        Assert.That(pair.SiteA.Requests[IssueEdit(pair.SiteA)], Is.EqualTo(editsOfA), "the private side's read of its own write was not sent back as an edit");

        var editsOfB = pair.SiteB.Requests[IssueEdit(pair.SiteB)];
        pair.SiteB.EditIssue(pair.PersonB, twin, description: pair.SiteB.IsDataCenter ? JsonValue.Create("*Smoke* from tray 3\n\n* one\n* two") : Formatted("tray 3"), setDescription: true);
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteA, () => JsonNode.DeepEquals(source.Description, Formatted("tray 3")))),
            "B's edit reached A with its bold text and its list", explain: () => SyncPair.Read(pair.SiteA, () => source.Description?.ToJsonString() ?? "") + pair.Nodes.Output());
        await pair.SettledAsync();
        Assert.That(pair.SiteB.Requests[IssueEdit(pair.SiteB)], Is.EqualTo(editsOfB), "A's read of the sync's write was not sent back to B");
    }

    [Test]
    public async Task RichContent_OfTheHomeSide_SurvivesThePartnersEdit_InBothDirections()
    {
        // A's description: three mentions and an embedded image, which the partner sees as names and "[attachment: …]".
        var home = new JsonObject
        {
            ["type"] = "doc", ["version"] = 1,
            ["content"] = new JsonArray(
                Para(Text("Escalated by "), Mention("557058:a-admin", "Ada Admin"), Text(" and "), Mention("557058:a-user", "Uma User"), Text(".")),
                new JsonObject
                {
                    ["type"] = "mediaSingle", ["attrs"] = new JsonObject { ["layout"] = "center" },
                    ["content"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "media",
                        ["attrs"] = new JsonObject { ["type"] = "file", ["id"] = "6e7c7f2c-dd7a-499c-bceb-6f32bfbf30b5", ["collection"] = "jira-10000", ["alt"] = "diagram.png" },
                    }),
                },
                Para(Text("Owner: "), Mention("557058:a-viewer", "Vera Viewer"))),
        };
        var source = pair.CreateOnA("Rich at home", "Task", home);
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Rich at home");
        await pair.SettledAsync();

        var onB = SyncPair.Read(pair.SiteB, () => twin.Description!.DeepClone());
        pair.SiteB.EditIssue(pair.PersonB, twin, description: Appended(pair.SiteB, onB, "Fixed in build 512."), setDescription: true);
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteA, () => source.Description!.ToJsonString()).Contains("Fixed in build 512.")),
            "B's appended paragraph reached A", explain: pair.Nodes.Output);

        var onA = SyncPair.Read(pair.SiteA, () => source.Description!.AsObject().DeepClone());
        Assert.Multiple(() =>
        {
            var blocks = onA["content"]!.AsArray();
            Assert.That(blocks, Has.Count.EqualTo(4), onA.ToJsonString());
            for (var i = 0; i < 3; i++)
                Assert.That(JsonNode.DeepEquals(blocks[i], home["content"]![i]), Is.True, $"block {i} is A's own, mentions and image included: {blocks[i]?.ToJsonString()}");
        });

        // The other way: the partner's own mention and image survive A's edit of the issue that came from B.
        var partnerText = pair.SiteB.IsDataCenter
            ? (JsonNode)JsonValue.Create("Reported by [~user]\n\n!screenshot.png!")
            : new JsonObject
            {
                ["type"] = "doc", ["version"] = 1,
                ["content"] = new JsonArray(Para(Text("Reported by "), Mention("557058:b-user", "Uma User (B)"))),
            };
        var fromB = pair.CreateOnB("Rich on the partner's side", "Task", partnerText);
        await pair.ExalateOnPrivateAsync(fromB.Key);
        var twinOnA = await pair.TwinOnAsync(pair.SiteA, "Rich on the partner's side");
        await pair.SettledAsync();
        var seenOnA = SyncPair.Read(pair.SiteA, () => twinOnA.Description!.DeepClone());
        // The partner's mention arrives as the person's name (Data Center's username resolved), never as an account.
        Assert.That(seenOnA.ToJsonString(), Does.Contain(pair.SiteB.IsDataCenter ? "\"Uma User (DC)\"" : "\"Uma User (B)\"").And.Not.Contain("\"mention\""));
        pair.SiteA.EditIssue(pair.PersonA, twinOnA, description: Appended(pair.SiteA, seenOnA, "Answered by Acme."), setDescription: true);
        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteB, () => fromB.Description!.ToJsonString()).Contains("Answered by Acme.")),
            "A's appended paragraph reached B", explain: pair.Nodes.Output);

        var backOnB = SyncPair.Read(pair.SiteB, () => fromB.Description!.DeepClone());
        if (pair.SiteB.IsDataCenter)
            Assert.That(backOnB.GetValue<string>(), Is.EqualTo("Reported by [~user]\n\n!screenshot.png!\n\nAnswered by Acme."));
        else
            Assert.That(JsonNode.DeepEquals(backOnB["content"]![0], partnerText["content"]![0]), Is.True, backOnB.ToJsonString());
    }

    private static JsonObject Para(params JsonNode[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Mention(string id, string name) => new() { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = id, ["text"] = "@" + name } };

    /// <summary>A person appending a paragraph to a description as their Jira holds it: a wiki-markup line on Data Center, an ADF paragraph on Cloud.</summary>
    private static JsonNode Appended(SimSite site, JsonNode description, string paragraph)
    {
        if (site.IsDataCenter)
            return JsonValue.Create(description.GetValue<string>() + "\n\n" + paragraph);
        var copy = description.AsObject().DeepClone().AsObject();
        copy["content"]!.AsArray().Add(Para(Text(paragraph)));
        return copy;
    }

    private static string IssueEdit(SimSite site) => $"PUT /rest/api/{(site.IsDataCenter ? 2 : 3)}/issue/{{issueIdOrKey}}";

    private static JsonObject Formatted(string where) => new()
    {
        ["type"] = "doc", ["version"] = 1,
        ["content"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray(
                    new JsonObject { ["type"] = "text", ["text"] = "Smoke", ["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" }) },
                    new JsonObject { ["type"] = "text", ["text"] = " from " + where }),
            },
            new JsonObject
            {
                ["type"] = "bulletList",
                ["content"] = new JsonArray(
                    new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(SyncPair.Adf("one")["content"]![0]!.DeepClone()) },
                    new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(SyncPair.Adf("two")["content"]![0]!.DeepClone()) }),
            }),
    };

    [Test]
    public async Task Trigger_BringsMatchingIssuesUnderSyncWhenCreatedOrUpdated_AndOthersStayLocal()
    {
        using (var admin = pair.PublicAdmin())
        using (var added = await admin.PostAsJsonAsync($"api/admin/connections/{pair.ConnectionId}/triggers", new { jql = "project = ACME AND labels = partner" }))
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());

        var matching = pair.CreateOnA("Labelled for the partner", labels: ["partner"]);
        var other = pair.CreateOnA("Internal only");
        await pair.TwinOnAsync(pair.SiteB, "Labelled for the partner");

        // An update that makes an issue match brings it under sync too.
        pair.SiteA.EditIssue(pair.PersonA, other, summary: "Internal, then shared", labels: ["partner"]);
        await pair.TwinOnAsync(pair.SiteB, "Internal, then shared");
        var neverShared = pair.CreateOnA("Never shared");
        await pair.SettledAsync();
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Never shared"), Is.Empty);
        Assert.That(matching.Key, Is.Not.EqualTo(neverShared.Key));
    }

    [Test]
    public async Task Trigger_WithJqlJiraRefuses_IsRefusedWithJirasReason_AndNothingIsStored()
    {
        using var admin = pair.PublicAdmin();
        using var refused = await admin.PostAsJsonAsync($"api/admin/connections/{pair.ConnectionId}/triggers", new { jql = "project = = ACME" });
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(body, Does.Contain("Jira does not accept this JQL"));
        });
        var overview = await pair.PublicSyncAsync();
        Assert.That(overview["triggers"]!.AsArray().Select(t => (string?)t!["jql"]), Has.None.EqualTo("project = = ACME"));
    }

    [Test]
    public async Task BulkRun_SyncsEverythingATriggerMatches_Once_AndShowsProgress()
    {
        var summaries = Enumerable.Range(1, 12).Select(i => $"Backlog item {i}").ToList();
        foreach (var summary in summaries)
            pair.CreateOnB(summary, labels: ["backlog"]);
        var trigger = JsonNode.Parse(await (await pair.Console.PostAsJsonAsync($"api/console/connections/{pair.ConnectionId}/triggers", new { jql = "project = GLX AND labels = backlog" }))
            .Content.ReadAsStringAsync())!;
        using (var started = await pair.Console.PostAsync($"api/console/connections/{pair.ConnectionId}/triggers/{(string)trigger["id"]!}/bulk", null))
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await started.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(() => Task.FromResult(summaries.All(s => SyncPair.IssuesWithSummary(pair.SiteA, s).Count == 1)), "all twelve on A", explain: pair.Nodes.Output);
        // Running it again changes nothing.
        using (var again = await pair.Console.PostAsync($"api/console/connections/{pair.ConnectionId}/triggers/{(string)trigger["id"]!}/bulk", null))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Eventually.HoldsAsync(async () => (await pair.PrivateSyncAsync())["triggers"]!.AsArray().Any(t => (string?)t!["id"] == (string?)trigger["id"] && (long?)t["bulkMatched"] == 12 && t["bulkFinishedAtMs"] is not null),
            "the trigger shows 12 matched and finished", explain: pair.Nodes.Output);
        await pair.SettledAsync();
        Assert.That(summaries.Select(s => SyncPair.IssuesWithSummary(pair.SiteA, s).Count), Is.All.EqualTo(1));
    }

    [Test]
    public async Task Unexalate_StopsSyncOnBothSides_AndLeavesBothIssues()
    {
        var source = pair.CreateOnA("Stop me");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Stop me");
        await pair.SettledAsync();

        using (var admin = pair.PublicAdmin())
        using (var stopped = await admin.DeleteAsync($"api/admin/connections/{pair.ConnectionId}/issues/{source.Key}"))
            Assert.That(JsonNode.Parse(await stopped.Content.ReadAsStringAsync())!["status"]!.GetValue<string>(), Is.EqualTo("stopped"));
        await Eventually.HoldsAsync(async () => (await pair.PrivateSyncAsync())["issues"]!.AsArray().Any(i => (string?)i!["issueKey"] == twin.Key && (string?)i["status"] == "stopped"),
            "the private side shows the twin stopped", explain: pair.Nodes.Output);

        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Stop me (later edit)");
        pair.SiteB.EditIssue(pair.PersonB, twin, summary: "Stop me (later edit on B)");
        await pair.SettledAsync();
        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Stop me (later edit)"), Is.Empty, "A's later edit stayed on A");
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteA, "Stop me (later edit on B)"), Is.Empty, "B's later edit stayed on B");
        });
    }

    [Test]
    public async Task DeletingASyncedIssue_StopsItsSync_AndNeverDeletesThePartnersIssue()
    {
        var source = pair.CreateOnA("Delete me");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Delete me");
        await pair.SettledAsync();

        pair.SiteA.DeleteIssue(pair.PersonA, source);
        await Eventually.HoldsAsync(async () => (await pair.PrivateSyncAsync())["issues"]!.AsArray().Any(i => (string?)i!["issueKey"] == twin.Key && (string?)i["status"] == "stopped"),
            "the private side shows the twin stopped", explain: pair.Nodes.Output);
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Delete me"), Has.Count.EqualTo(1), "the partner's issue stays");
    }


    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static IReadOnlyList<SimAttachment> Attachments(SimSite site, SimIssue issue)
    {
        lock (site.Sync)
            return issue.Attachments.ToList();
    }

    private async Task AttachmentsHoldAsync(SimSite site, SimIssue issue, Func<IReadOnlyList<SimAttachment>, bool> condition, string what) =>
        await Eventually.HoldsAsync(() => Task.FromResult(condition(Attachments(site, issue))), what, explain: pair.Nodes.Output);

    private static IReadOnlyList<SimComment> Comments(SimSite site, SimIssue issue)
    {
        lock (site.Sync)
            return issue.Comments.ToList();
    }

    private async Task CommentsHoldAsync(SimSite site, SimIssue issue, Func<IReadOnlyList<string>, bool> condition, string what) =>
        await Eventually.HoldsAsync(() => Task.FromResult(condition(Comments(site, issue).Select(c => c.Body.ToJsonString()).ToList())), what, explain: pair.Nodes.Output);
}

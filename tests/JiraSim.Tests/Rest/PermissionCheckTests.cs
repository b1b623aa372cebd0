using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

/// <summary>
/// <c>POST permissions/check</c> with <c>projectPermissions</c> ("Get bulk permissions"): per permission, the asked
/// issues and projects where it is granted. Everyone sees every project; a read-only user may edit nothing.
/// </summary>
public class PermissionCheckTests : SimulatorTest
{
    private SimIssue NewIssue()
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        return site.CreateIssue(site.FindUser("557058:a-user")!, project, project.IssueTypes[0], "Whose permissions?", null);
    }

    private async Task<JsonNode> CheckAsync(string accountId, JsonArray entries)
    {
        using var admin = jira.Admin("site-a");
        using var response = await admin.PostAsJsonAsync(SimClients.V3("permissions/check"), new JsonObject { ["accountId"] = accountId, ["projectPermissions"] = entries });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static JsonArray Ask(long issueId, params string[] permissions) =>
        [new JsonObject { ["permissions"] = new JsonArray(permissions.Select(p => (JsonNode)p).ToArray()), ["issues"] = new JsonArray(issueId), ["projects"] = new JsonArray(10000) }];

    private static long[] Granted(JsonNode answer, string permission, string what) =>
        answer["projectPermissions"]!.AsArray().Single(g => (string?)g!["permission"] == permission)![what]!.AsArray().Select(i => (long)i!).ToArray();

    [Test]
    public async Task PlainUser_HoldsBrowseAndEdit_OnTheIssueAndItsProject()
    {
        var issue = long.Parse(NewIssue().Id);

        var answer = await CheckAsync("557058:a-user", Ask(issue, "BROWSE_PROJECTS", "EDIT_ISSUES"));

        Assert.That(Granted(answer, "BROWSE_PROJECTS", "issues"), Is.EqualTo(new[] { issue }));
        Assert.That(Granted(answer, "EDIT_ISSUES", "issues"), Is.EqualTo(new[] { issue }));
        Assert.That(Granted(answer, "EDIT_ISSUES", "projects"), Is.EqualTo(new[] { 10000L }));
    }

    [Test]
    public async Task ReadOnlyViewer_HoldsBrowse_ButNotEdit()
    {
        var issue = long.Parse(NewIssue().Id);

        var answer = await CheckAsync("557058:a-viewer", Ask(issue, "BROWSE_PROJECTS", "EDIT_ISSUES"));

        Assert.That(Granted(answer, "BROWSE_PROJECTS", "issues"), Is.EqualTo(new[] { issue }));
        Assert.That(Granted(answer, "EDIT_ISSUES", "issues"), Is.Empty);
        Assert.That(Granted(answer, "EDIT_ISSUES", "projects"), Is.Empty);
    }

    [Test]
    public async Task UnknownIssueIds_AreIgnored()
    {
        var answer = await CheckAsync("557058:a-user", Ask(987_654, "BROWSE_PROJECTS"));
        Assert.That(Granted(answer, "BROWSE_PROJECTS", "issues"), Is.Empty);
    }

    [Test]
    public async Task OnePermissionAskedInTwoEntries_IsAnsweredOnce_WithBothIssues()
    {
        var first = long.Parse(NewIssue().Id);
        var second = long.Parse(NewIssue().Id);

        var answer = await CheckAsync("557058:a-user", [Ask(first, "EDIT_ISSUES")[0]!.DeepClone(), Ask(second, "EDIT_ISSUES")[0]!.DeepClone()]);

        Assert.That(answer["projectPermissions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Granted(answer, "EDIT_ISSUES", "issues"), Is.EquivalentTo(new[] { first, second }));
    }

    [Test]
    public async Task EntryWithoutAPermission_Is400()
    {
        using var admin = jira.Admin("site-a");
        var body = new JsonObject { ["projectPermissions"] = new JsonArray(new JsonObject { ["permissions"] = new JsonArray(), ["issues"] = new JsonArray(1) }) };

        using var response = await admin.PostAsJsonAsync(SimClients.V3("permissions/check"), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void DefaultSeed_HasAReadOnlyViewerOnEverySite_WithTheUserToken_OrOnDataCenterTheUserPassword()
    {
        foreach (var site in DefaultSeed.Create().Sites)
        {
            var viewer = site.Users.Single(u => (u.AccountId ?? u.Name)!.EndsWith("viewer", StringComparison.Ordinal));
            Assert.That(viewer.ReadOnly, Is.True, site.Key);
            Assert.That(viewer.DisplayName, Does.StartWith("Vera Viewer"));
            if (site.Deployment == "dataCenter")
                Assert.That(viewer.Password, Is.EqualTo(DefaultSeed.UserPassword));
            else
                Assert.That(viewer.ApiTokens, Is.EqualTo(new[] { DefaultSeed.UserToken }));
        }
    }

    [Test]
    public void SeedFile_ReadOnlyFlag_IsRead()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                { "sites": [ { "key": "s", "name": "S", "projects": [],
                  "users": [ { "accountId": "557058:v", "displayName": "Vic", "readOnly": true } ] } ] }
                """);
            Assert.That(SeedDocument.Load(path).Sites[0].Users[0].ReadOnly, Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

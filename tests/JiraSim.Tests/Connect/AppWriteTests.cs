using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>The app's own writes fire webhooks like anyone's, authored by its app user (DESIGN §7a).</summary>
public class AppWriteTests : InstalledAppTest
{
    [Test]
    public async Task AppEditsAnIssueWithItsJwt_TheWebhookNamesTheAppUser()
    {
        var issue = CreateIssue();
        await jira.Webhooks.WhenIdleAsync(Generous);

        var status = await SendAsApp(HttpMethod.Put, $"rest/api/3/issue/{issue.Id}", new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Fixed by the app" } });
        var user = (await WebhooksAsync("jira:issue_updated")).Single().Json["user"]!;

        Assert.That(status, Is.EqualTo(204));
        Assert.That(user["accountId"]!.GetValue<string>(), Is.EqualTo(installed.UserAccountId));
        Assert.That(user["accountType"]!.GetValue<string>(), Is.EqualTo("app"));
        Assert.That(user["displayName"]!.GetValue<string>(), Is.EqualTo(RecordingApp.Name));
    }

    [Test]
    public async Task AppCommentsWithItsJwt_TheCommentIsAuthoredByTheAppUser()
    {
        var issue = CreateIssue();

        var status = await SendAsApp(HttpMethod.Post, $"rest/api/3/issue/{issue.Id}/comment", new JsonObject { ["body"] = AdfDoc.Text("Synced") });
        var author = (await WebhooksAsync("comment_created")).Single().Json["comment"]!["author"]!;

        Assert.That(status, Is.EqualTo(201));
        Assert.That((author["accountId"]!.GetValue<string>(), author["accountType"]!.GetValue<string>()), Is.EqualTo((installed.UserAccountId, "app")));
    }

    /// <summary>Signed as a Connect app signs its requests: iss = app key, qsh relative to the site's base URL.</summary>
    private async Task<int> SendAsApp(HttpMethod method, string path, JsonNode body)
    {
        var token = TokenMinter.Hs256(installed.SharedSecret, TokenMinter.Claims(RecordingApp.Key, Qsh.Of(method.Method, "/" + path)));
        using var request = new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        using var client = jira.Anonymous("site-a");
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}

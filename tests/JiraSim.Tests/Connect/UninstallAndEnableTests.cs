using System.Net;
using System.Net.Http.Headers;
using ConnectAddon.TestKit;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>Uninstalling, disabling and enabling: the callbacks Jira sends and what stops working.</summary>
public class UninstallAndEnableTests : InstalledAppTest
{
    [Test]
    public async Task Uninstall_SendsDisabledThenUninstalledSignedLikeTheInstall_AndRemovesTheApp()
    {
        var call = await jira.UninstallAppAsync("site-a", RecordingApp.Key);
        var uninstalled = app.Received("/lifecycle/uninstalled").Single();
        var token = uninstalled.Token!;
        using var keyServer = new HttpClient();
        var pem = await keyServer.GetStringAsync(jira.InstallKeysBaseUrl + "/" + JwtParts.Header(token)["kid"]!.GetValue<string>());
        var validation = await JwtParts.ValidateRs256Async(token, pem, app.BaseUrl.ToString());

        Assert.That(call!.Status, Is.EqualTo(204));
        Assert.That(app.Requests.Select(r => r.Path).TakeLast(2), Is.EqualTo(new[] { "/lifecycle/disabled", "/lifecycle/uninstalled" }));
        Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);
        Assert.That(JwtParts.Claims(token)["iss"]!.GetValue<string>(), Is.EqualTo(jira.ClientKey("site-a")));
        Assert.That(JwtParts.Claims(token)["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("POST", "/lifecycle/uninstalled")));
        Assert.That(uninstalled.Json["eventType"]!.GetValue<string>(), Is.EqualTo("uninstalled"));
        Assert.That(Site.Apps, Is.Empty);
    }

    [Test]
    public async Task Uninstall_AppAnswers500_TheAppIsRemovedAllTheSame()
    {
        app.AnswerNext("/lifecycle/uninstalled", 500);

        var call = await jira.UninstallAppAsync("site-a", RecordingApp.Key);

        Assert.That(call!.Status, Is.EqualTo(500));
        Assert.That(Site.Apps, Is.Empty);
    }

    [Test]
    public async Task Uninstall_TheAppsTokensAreRefusedAfterwards_AndNoMoreWebhooksGoOut()
    {
        await jira.UninstallAppAsync("site-a", RecordingApp.Key);

        var status = await SendAsApp(HttpMethod.Get, "rest/api/3/myself", installed.SharedSecret);
        CreateIssue();

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await WebhooksAsync(), Is.Empty);
    }

    [Test]
    public async Task Disable_SendsDisabledSignedWithTheSharedSecret_StopsWebhooks_AndEnableResumesThem()
    {
        await jira.SetAppEnabledAsync("site-a", RecordingApp.Key, enabled: false);
        CreateIssue("while disabled");
        var whileDisabled = await WebhooksAsync();
        await jira.SetAppEnabledAsync("site-a", RecordingApp.Key, enabled: true);
        CreateIssue("after enabling");
        var disabled = app.Received("/lifecycle/disabled").Single();

        Assert.That(whileDisabled, Is.Empty);
        Assert.That(JwtParts.HasValidHs256Signature(disabled.Token!, installed.SharedSecret), Is.True);
        Assert.That(JwtParts.Claims(disabled.Token!)["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("POST", "/lifecycle/disabled")));
        Assert.That(app.Received("/lifecycle/enabled"), Has.Count.EqualTo(2), "after the install, and after enabling");
        Assert.That((await WebhooksAsync("jira:issue_created")).Single().Json["issue"]!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("after enabling"));
    }

    [Test]
    public void Uninstall_AnAppThatIsNotInstalled_Throws()
    {
        Assert.ThrowsAsync<ArgumentException>(() => jira.UninstallAppAsync("site-b", RecordingApp.Key));
    }

    private async Task<HttpStatusCode> SendAsApp(HttpMethod method, string path, string secret)
    {
        var claims = TokenMinter.Claims(RecordingApp.Key, Qsh.Of(method.Method, "/" + path));
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", TokenMinter.Hs256(secret, claims));
        using var client = jira.Anonymous("site-a");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

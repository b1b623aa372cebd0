using System.Net;
using ConnectAddon.TestKit;
using JiraSim.Connect;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>Installing an app the way Jira Cloud does: descriptor, app user, shared secret, signed install.</summary>
public class InstallTests : InstalledAppTest
{
    [Test]
    public async Task Install_InstalledCallbackIsSignedRs256_AndVerifiesWithTheKeyPublishedAtInstallKeys()
    {
        var call = app.Received("/lifecycle/installed").Single();
        var token = call.Token!;
        var kid = JwtParts.Header(token)["kid"]!.GetValue<string>();
        using var keyServer = new HttpClient();
        var pem = await keyServer.GetStringAsync(jira.InstallKeysBaseUrl + "/" + kid);

        var validation = await JwtParts.ValidateRs256Async(token, pem, app.BaseUrl.ToString());
        var claims = JwtParts.Claims(token);

        Assert.That(JwtParts.Header(token)["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
        Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(call.Json["clientKey"]!.GetValue<string>()));
        Assert.That(claims["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("POST", "/lifecycle/installed")), "qsh relative to the app's base URL, whose path is /app");
        Assert.That(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), Is.InRange(60, 600));
    }

    [Test]
    public void Install_BodyCarriesTheSiteAndAFreshSharedSecret()
    {
        var body = app.Received("/lifecycle/installed").Single().Json;

        Assert.That(body["eventType"]!.GetValue<string>(), Is.EqualTo("installed"));
        Assert.That(body["key"]!.GetValue<string>(), Is.EqualTo(RecordingApp.Key));
        Assert.That(body["clientKey"]!.GetValue<string>(), Is.EqualTo(jira.ClientKey("site-a")));
        Assert.That(body["baseUrl"]!.GetValue<string>(), Is.EqualTo(Site.BaseUrlText));
        Assert.That(body["productType"]!.GetValue<string>(), Is.EqualTo("jira"));
        Assert.That(body["sharedSecret"]!.GetValue<string>(), Is.EqualTo(installed.SharedSecret).And.Length.AtLeast(32));
        Assert.That(body["cloudId"]?.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public void Install_RecordsTheAppWithAnAppUserNamedAfterIt_ThenSendsEnabled()
    {
        var user = Site.FindUser(installed.UserAccountId)!;

        Assert.That(Site.Apps[RecordingApp.Key].SharedSecret, Is.EqualTo(installed.SharedSecret));
        Assert.That((user.AccountType, user.DisplayName), Is.EqualTo(("app", RecordingApp.Name)));
        Assert.That(app.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/lifecycle/installed", "/lifecycle/enabled" }));
    }

    [Test]
    public async Task Reinstall_RotatesTheSharedSecret_KeepsTheClientKeyAndTheAppUser()
    {
        var again = await jira.InstallAppAsync("site-a", app.DescriptorUrl);
        var bodies = app.Received("/lifecycle/installed").Select(r => r.Json).ToList();

        Assert.That(again.SharedSecret, Is.Not.EqualTo(installed.SharedSecret));
        Assert.That(bodies[1]["sharedSecret"]!.GetValue<string>(), Is.EqualTo(again.SharedSecret));
        Assert.That(bodies[1]["clientKey"]!.GetValue<string>(), Is.EqualTo(bodies[0]["clientKey"]!.GetValue<string>()));
        Assert.That(again.UserAccountId, Is.EqualTo(installed.UserAccountId));
        Assert.That(Site.Users.Count(u => u.AccountType == "app"), Is.EqualTo(1));
    }

    [TestCase(401)]
    [TestCase(500)]
    public void Install_AppRefusesTheInstalledCallback_ThrowsWithItsAnswer_AndKeepsWhatWasInstalled(int status)
    {
        app.AnswerNext("/lifecycle/installed", status);

        var refused = Assert.ThrowsAsync<AppInstallException>(() => jira.InstallAppAsync("site-a", app.DescriptorUrl))!;

        Assert.That(refused.Status, Is.EqualTo(status));
        Assert.That(refused.Body, Does.Contain("on purpose"));
        Assert.That(Site.Apps[RecordingApp.Key].SharedSecret, Is.EqualTo(installed.SharedSecret), "the earlier installation stays");
    }

    [Test]
    public void Install_AppOnAnotherSiteRefuses_NothingIsInstalledThere()
    {
        app.AnswerNext("/lifecycle/installed", 403);

        Assert.ThrowsAsync<AppInstallException>(() => jira.InstallAppAsync("site-b", app.DescriptorUrl));

        Assert.That(jira.Site("site-b").Apps, Is.Empty);
    }

    [Test]
    public void Install_DescriptorUnreachable_ThrowsSayingSo()
    {
        var missing = new Uri("http://127.0.0.1:1/atlassian-connect.json"); // nothing listens on port 1

        var refused = Assert.ThrowsAsync<AppInstallException>(() => jira.InstallAppAsync("site-b", missing))!;

        Assert.That(refused.Message, Does.Contain("descriptor"));
    }

    [Test]
    public async Task InstallKeys_UnknownKid_Answers404()
    {
        using var keyServer = new HttpClient();

        using var response = await keyServer.GetAsync(jira.InstallKeysBaseUrl + "/not-our-kid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SitesHaveDifferentClientKeys_AndEachKeepsItsOwn()
    {
        await jira.InstallAppAsync("site-b", app.DescriptorUrl);
        var clientKeys = app.Received("/lifecycle/installed").Select(r => r.Json["clientKey"]!.GetValue<string>()).ToList();

        Assert.That(clientKeys, Is.EqualTo(new[] { jira.ClientKey("site-a"), jira.ClientKey("site-b") }));
        Assert.That(clientKeys.Distinct().Count(), Is.EqualTo(2));
    }
}

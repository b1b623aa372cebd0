using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Model;
using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Auth;

/// <summary>The simulator authenticates like Jira Cloud: app JWTs with a valid qsh, API tokens, personal access tokens.</summary>
public class AuthenticationTests : SimulatorTest
{
    private const string AppKey = "test-app";
    private const string Secret = "a-shared-secret-that-is-long-enough-for-hs256";

    private void InstallApp()
    {
        var site = jira.Site("site-a");
        site.AddUser(new SimUser { AccountId = "557058:app-user", DisplayName = "Test app", AccountType = "app" });
        lock (site.Sync)
            site.Apps[AppKey] = new SimApp { Key = AppKey, BaseUrl = new Uri("https://app.example"), SharedSecret = Secret, UserAccountId = "557058:app-user", Descriptor = [] };
    }

    private async Task<(int, JsonNode?)> AsApp(HttpMethod method, string pathAndQuery, string qshPath, (string, string)[]? qshQuery = null, string secret = Secret, JsonNode? body = null)
    {
        var token = TokenMinter.Hs256(secret, TokenMinter.Claims(AppKey, Qsh.Of(method.Method, qshPath, qshQuery ?? [])));
        var client = jira.Anonymous("site-a");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("JWT", token);
        return await client.SendJson(method, pathAndQuery, body);
    }

    [Test]
    public async Task AppJwtWithTheRightQsh_IsAccepted_AndItsWritesAreAuthoredByTheAppUser()
    {
        InstallApp();
        var (status, created) = await AsApp(HttpMethod.Post, SimClients.V3("issue"), "/rest/api/3/issue", body: new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "ACME" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "By the app" },
        });

        Assert.That(status, Is.EqualTo(201), created?.ToJsonString());
        var (_, issue) = await AsApp(HttpMethod.Get, SimClients.V3("issue/ACME-1?fields=reporter,summary"), "/rest/api/3/issue/ACME-1", [("fields", "reporter,summary")]);
        Assert.That(issue!["fields"]!["reporter"]!["accountType"]!.GetValue<string>(), Is.EqualTo("app"));
    }

    [Test]
    public async Task AppJwtWithTheQshOfAnotherRequest_Is401()
    {
        InstallApp();
        var (status, body) = await AsApp(HttpMethod.Get, SimClients.V3("myself?expand=groups"), "/rest/api/3/myself");
        Assert.That(status, Is.EqualTo(401));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain("qsh"));
    }

    [Test]
    public async Task AppJwtSignedWithAnotherSecret_Is401()
    {
        InstallApp();
        var (status, _) = await AsApp(HttpMethod.Get, SimClients.V3("myself"), "/rest/api/3/myself", secret: "some-other-secret-some-other-secret-xx");
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task JwtOfAnAppNotInstalledOnThisSite_Is401()
    {
        var (status, _) = await AsApp(HttpMethod.Get, SimClients.V3("myself"), "/rest/api/3/myself");
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task ApiTokenAndPersonalAccessToken_AuthenticateTheirUser()
    {
        var (_, viaToken) = await jira.User("site-a").SendJson(HttpMethod.Get, SimClients.V3("myself"));
        var bearer = jira.Anonymous("site-a");
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DefaultSeed.AdminPat);
        var (_, viaPat) = await bearer.SendJson(HttpMethod.Get, SimClients.V3("myself"));

        Assert.That(viaToken!["accountId"]!.GetValue<string>(), Is.EqualTo("557058:a-user"));
        Assert.That(viaPat!["accountId"]!.GetValue<string>(), Is.EqualTo("557058:a-admin"));
    }

    [TestCase("Basic", "admin@a.example:wrong-token")]
    [TestCase("Basic", "admin@b.example:admin-api-token")]
    [TestCase("Bearer", "not-a-token")]
    [TestCase(null, null)]
    public async Task WrongOrMissingCredentials_Are401InJirasErrorShape(string? scheme, string? credentials)
    {
        var client = jira.Anonymous("site-a");
        if (scheme is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme,
                scheme == "Basic" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials!)) : credentials);
        var (status, body) = await client.SendJson(HttpMethod.Get, SimClients.V3("myself"));

        Assert.That(status, Is.EqualTo(401));
        Assert.That(body!["errorMessages"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task PermissionCheck_SaysWhoIsAJiraAdmin()
    {
        InstallApp();
        (string, bool)[] expectations = [("557058:a-admin", true), ("557058:a-user", false)];
        foreach (var (accountId, isAdmin) in expectations)
        {
            var (status, grants) = await AsApp(HttpMethod.Post, SimClients.V3("permissions/check"), "/rest/api/3/permissions/check",
                body: new JsonObject { ["accountId"] = accountId, ["globalPermissions"] = new JsonArray("ADMINISTER") });
            Assert.That(status, Is.EqualTo(200));
            Assert.That(grants!["globalPermissions"]!.AsArray().Select(p => p!.GetValue<string>()).Contains("ADMINISTER"), Is.EqualTo(isAdmin), accountId);
        }
    }

    [Test]
    public void CanonicalRequest_MatchesTheTestKitsIndependentImplementation()
    {
        // The simulator and the app's test kit hash the same request the same way, including a site path prefix.
        var qsh = JiraSim.Auth.CanonicalRequest.Qsh("GET", "/site-a/rest/api/3/issue/ACME-1", "?fields=summary&fields=status&expand=changelog", "/site-a");
        Assert.That(qsh, Is.EqualTo(Qsh.Of("GET", "/rest/api/3/issue/ACME-1", ("fields", "summary"), ("fields", "status"), ("expand", "changelog"))));
    }
}

using System.Net;
using System.Net.Http.Headers;
using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterAuthenticationTests : DataCenterTest
{
    [Test]
    public async Task PersonalAccessToken_AuthenticatesAsItsUser_WhoHasANameAndKeyButNoAccountId()
    {
        var (status, me) = await admin.SendJson(HttpMethod.Get, SimClients.V2("myself"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(me!["name"]!.GetValue<string>(), Is.EqualTo("admin"));
        Assert.That(me["key"]!.GetValue<string>(), Is.EqualTo("JIRAUSER10000"));
        Assert.That(me["emailAddress"]!.GetValue<string>(), Is.EqualTo("admin@dc.example"));
        Assert.That(me["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/Berlin"));
        Assert.That(me["self"]!.GetValue<string>(), Is.EqualTo(jira.Site(Site).BaseUrlText + "/rest/api/2/user?username=admin"));
        Assert.That(me.AsObject().ContainsKey("accountId"), Is.False);
    }

    [Test]
    public async Task UserPat_AuthenticatesTheUser()
    {
        using var user = jira.User(Site);

        var (_, me) = await user.SendJson(HttpMethod.Get, SimClients.V2("myself"));

        Assert.That(me!["name"]!.GetValue<string>(), Is.EqualTo("user"));
    }

    [TestCase("admin", DefaultSeed.AdminPassword, "JIRAUSER10000")]
    [TestCase("USER", DefaultSeed.UserPassword, "JIRAUSER10100")]
    [TestCase("viewer", DefaultSeed.UserPassword, "JIRAUSER10200")]
    public async Task BasicWithUsernameAndPassword_Authenticates(string username, string password, string key)
    {
        using var client = jira.BasicAuth(Site, username, password);

        var (status, me) = await client.SendJson(HttpMethod.Get, SimClients.V2("myself"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(me!["key"]!.GetValue<string>(), Is.EqualTo(key));
    }

    [Test]
    public async Task WrongPassword_Is401_WithSeraphsLoginReason()
    {
        using var client = jira.BasicAuth(Site, "admin", "wrong");

        using var response = await client.GetAsync(SimClients.V2("myself"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.GetValues("X-Seraph-LoginReason").Single(), Is.EqualTo("AUTHENTICATED_FAILED"));
    }

    [Test]
    public async Task CloudStyleEmailAndApiToken_IsNotADataCenterCredential()
    {
        using var client = jira.BasicAuth(Site, "admin@dc.example", DefaultSeed.AdminToken);

        using var response = await client.GetAsync(SimClients.V2("myself"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task UnknownToken_AndNoCredentials_And_AConnectJwt_Are401()
    {
        using var unknown = jira.Bearer(Site, "not-a-token");
        using var anonymous = jira.Anonymous(Site);
        using var jwt = jira.Anonymous(Site);
        jwt.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("JWT", "a.b.c");

        foreach (var client in new[] { unknown, anonymous, jwt })
        {
            using var response = await client.GetAsync(SimClients.V2("myself"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task BasicAuthOff_RefusesEvenTheRightPassword_WhileTokensStillWork()
    {
        await jira.DisposeAsync();
        jira = await JiraSimulator.StartAsync(SeedWithBasicAuthOff());
        using var basic = jira.BasicAuth(Site, "admin", DefaultSeed.AdminPassword);
        using var pat = jira.Admin(Site);

        using var refused = await basic.GetAsync(SimClients.V2("myself"));
        using var accepted = await pat.GetAsync(SimClients.V2("myself"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Basic Authentication has been disabled on this instance."));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static SeedDocument SeedWithBasicAuthOff()
    {
        var seed = DefaultSeed.Create();
        return new SeedDocument([.. seed.Sites.Select(s => s.Key == Site ? s with { BasicAuth = false } : s)]);
    }
}

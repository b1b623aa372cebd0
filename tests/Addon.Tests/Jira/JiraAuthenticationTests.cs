using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using WireMock.Server;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Each target authenticates the way its Jira expects, and credentials never leak into logs, errors or URLs.</summary>
public class JiraAuthenticationTests
{
    private const string Myself = """{"accountId":"557058:f00","accountType":"atlassian","displayName":"Sync Bot"}""";
    private JiraHarness harness = null!;
    private WireMockServer jira = null!;

    [SetUp]
    public void Start()
    {
        harness = new JiraHarness();
        jira = harness.StartSite();
        jira.Given(At("GET", "/rest/api/3/myself")).RespondWith(Json(200, Myself));
    }

    [TearDown]
    public void Stop()
    {
        jira.Dispose();
        harness.Dispose();
    }

    [Test]
    public async Task ApiToken_IsSentAsHttpBasicOfEmailColonToken()
    {
        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(JiraHarness.Email + ":" + JiraHarness.ApiToken));
        Assert.That(jira.Single().Header("Authorization"), Is.EqualTo("Basic " + expected));
    }

    [Test]
    public async Task PersonalAccessToken_IsSentAsBearer()
    {
        var result = await harness.PersonalAccessTokenClient(jira).GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Single().Header("Authorization"), Is.EqualTo("Bearer " + JiraHarness.PersonalAccessToken));
    }

    [Test]
    public async Task ConnectTenant_IsSignedAsTheAppWithTheQshOfThePathBelowTheSitePrefix()
    {
        var tenant = JiraHarness.TenantAt(jira);
        jira.Given(At("GET", "/rest/api/3/issue/ED-1")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}", "get", "200")));

        var result = await harness.Factory.For(tenant).GetIssueAsync("ED-1", new() { Fields = ["summary", "description"] });

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var authorization = jira.Single().Header("Authorization");
        Assert.That(authorization, Does.StartWith("JWT "));
        var claims = JsonNode.Parse(Decode(authorization["JWT ".Length..].Split('.')[1]))!;
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(AddonHost.AppKey));
        Assert.That(claims["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("GET", "/rest/api/3/issue/ED-1", ("fields", "summary,description"))));
    }

    [Test]
    public async Task ConnectTenant_EveryAttemptOfARetriedRequestIsSigned()
    {
        var tenant = JiraHarness.TenantAt(jira);
        jira.Sequence(At("GET", "/rest/api/3/project/EX"), JiraErrors(503, []),
            Json(200, OpenApiExamples.Response("/rest/api/3/project/{projectIdOrKey}", "get", "200")));

        var result = await harness.Factory.For(tenant).GetProjectAsync("EX");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Requests().Select(r => r.Header("Authorization")), Is.All.StartsWith("JWT "));
    }

    [Test]
    public async Task Credentials_NeverAppearInLogsErrorsOrUrls()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1")).RespondWith(JiraErrors(401, ["Client must be authenticated to access this resource."]));
        jira.Given(At("GET", "/rest/api/3/issue/ED-2")).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(500));
        var tokenClient = harness.ApiTokenClient(jira);
        var patClient = harness.PersonalAccessTokenClient(jira);

        var unauthorized = await tokenClient.GetIssueAsync("ED-1");
        var failing = await patClient.GetIssueAsync("ED-2");

        Assert.That(unauthorized.Error!.Kind, Is.EqualTo(JiraErrorKind.Unauthorized));
        var everything = string.Join("\n", harness.Logs.All, unauthorized.Error, failing.Error, tokenClient.Target, patClient.Target,
            string.Join("\n", jira.Requests().Select(r => r.AbsoluteUrl)));
        Assert.That(harness.Logs.All, Does.Contain("ED-2"), "the failures were logged");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(JiraHarness.Email + ":" + JiraHarness.ApiToken));
        foreach (var secret in new[] { JiraHarness.ApiToken, JiraHarness.PersonalAccessToken, basic })
            Assert.That(everything, Does.Not.Contain(secret));
    }

    private static byte[] Decode(string part) =>
        Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '='));

    [Test]
    public void BaseUrlWithCredentialsInIt_IsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            harness.Factory.For(new Uri("https://bot:" + JiraHarness.ApiToken + "@jira.example.com"), JiraCredentials.PersonalAccessToken(JiraHarness.PersonalAccessToken)));
        Assert.That(refused!.Message, Does.Not.Contain(JiraHarness.ApiToken));
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connect.Webhooks;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Jwt;

/// <summary>
/// Requests from Jira (webhooks, page loads, enabled/disabled) are accepted only with an HS256 token of an
/// installed tenant, in time, whose qsh matches the request (DESIGN §4, §9). Every refusal is a JSON 401 and
/// changes nothing.
/// </summary>
public class JiraRequestAuthenticationTests
{
    private const string WebhookPath = "/webhooks/issue-updated";
    private AddonHost host = null!;
    private JiraSite site = null!;

    [OneTimeSetUp]
    public async Task Install()
    {
        host = new AddonHost();
        site = await host.InstallAsync();
    }

    [OneTimeTearDown]
    public void Dispose() => host.Dispose();

    private static string WebhookBody => WebhookRecordingTests.Body("jira:issue_updated", "10001").ToJsonString();
    private static string WebhookQsh => Qsh.Of("POST", WebhookPath);

    private async Task<HttpResponseMessage> PostWebhook(string? token) => await host.PostJsonAsync(WebhookPath, WebhookBody, token);

    [Test]
    public async Task ValidToken_IsAccepted()
    {
        using var response = await PostWebhook(site.Token("POST", WebhookPath));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task TokenExpiredWithinTheLeeway_IsAccepted()
    {
        using var response = await PostWebhook(site.Token("POST", WebhookPath, issuedAt: DateTimeOffset.UtcNow.AddSeconds(-200), lifetime: TimeSpan.FromSeconds(180)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    private static IEnumerable<TestCaseData> BadTokens()
    {
        TestCaseData Case(string name, Func<JiraSite, string?> token, string reason) => new TestCaseData(token, reason).SetName(name);

        yield return Case("No token is refused", _ => null, "No JWT");
        yield return Case("A malformed token is refused", _ => "not-a-jwt", "malformed");
        yield return Case("alg none is refused", s => TokenMinter.Unsigned(TokenMinter.Claims(s.ClientKey, WebhookQsh)), "none");
        yield return Case("An RS256 header is refused (RS/HS confusion)",
            s => TokenMinter.WithHeader(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" }, TokenMinter.Claims(s.ClientKey, WebhookQsh), Encoding.UTF8.GetBytes(s.SharedSecret)), "RS256");
        yield return Case("HS512 is refused", s => TokenMinter.WithHeader(new JsonObject { ["alg"] = "HS512" }, TokenMinter.Claims(s.ClientKey, WebhookQsh), Encoding.UTF8.GetBytes(s.SharedSecret)), "HS512");
        yield return Case("A token signed with another secret is refused",
            s => TokenMinter.Hs256(LifecycleBody.NewSharedSecret(), TokenMinter.Claims(s.ClientKey, WebhookQsh)), "signature");
        yield return Case("An expired token is refused",
            s => s.Token("POST", WebhookPath, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10), lifetime: TimeSpan.FromMinutes(3)), "expired");
        yield return Case("A token issued in the future is refused",
            s => s.Token("POST", WebhookPath, issuedAt: DateTimeOffset.UtcNow.AddMinutes(5)), "future");
        yield return Case("A token without exp is refused", s =>
        {
            var claims = TokenMinter.Claims(s.ClientKey, WebhookQsh);
            claims.Remove("exp");
            return s.Token(claims);
        }, "exp");
        yield return Case("A token with nbf in the future is refused", s =>
        {
            var claims = TokenMinter.Claims(s.ClientKey, WebhookQsh);
            claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
            return s.Token(claims);
        }, "not valid yet");
        yield return Case("A token for another path is refused", s => s.Token("POST", "/webhooks/issue-created"), "qsh");
        yield return Case("A token for another method is refused", s => s.Token("GET", WebhookPath), "qsh");
        yield return Case("A token for another query is refused", s => s.Token("POST", WebhookPath, [("user_id", "admin")]), "qsh");
        yield return Case("A token without qsh is refused", s =>
        {
            var claims = TokenMinter.Claims(s.ClientKey, WebhookQsh);
            claims.Remove("qsh");
            return s.Token(claims);
        }, "qsh");
        yield return Case("A token of an unknown issuer is refused",
            s => TokenMinter.Hs256(s.SharedSecret, TokenMinter.Claims("someone-else", WebhookQsh)), "not an installed tenant");
        yield return Case("A token without iss is refused", s =>
        {
            var claims = TokenMinter.Claims(s.ClientKey, WebhookQsh);
            claims.Remove("iss");
            return s.Token(claims);
        }, "iss");
        yield return Case("A context token is refused on a webhook", s => s.ContextToken(), "context");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task BadToken_OnWebhook_Is401WithAReasonAndChangesNothing(Func<JiraSite, string?> token, string reason)
    {
        var before = await host.SnapshotAsync();
        using var response = await PostWebhook(token(site));
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, reason);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("JWT"));
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task TokenInQueryParameter_IsAcceptedForPageLoads()
    {
        (string, string)[] query = [("xdm_e", "https://acme.atlassian.net"), ("cp", ""), ("lic", "none"), ("tz", "Europe/Prague")];
        var token = site.Token("GET", "/pages/connections", query, subject: "557058:admin");
        using var response = await host.CreateClient().GetAsync(
            $"/pages/connections?xdm_e=https%3A%2F%2Facme.atlassian.net&cp=&lic=none&tz=Europe%2FPrague&jwt={token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Connections").And.Contain("acme.atlassian.net"));
    }

    [Test]
    public async Task PageLoadWithAParameterAddedAfterSigning_IsRefused()
    {
        var token = site.Token("GET", "/pages/connections", [("lic", "none")]);
        using var response = await host.CreateClient().GetAsync($"/pages/connections?lic=none&admin=true&jwt={token}");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "qsh");
    }

    [Test]
    public async Task ContextToken_OnAPageLoad_IsRefused()
    {
        using var response = await host.CreateClient().GetAsync($"/pages/connections?jwt={site.ContextToken()}");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "context");
    }

    [Test]
    public async Task ContextToken_OnTheAdminApi_IsAcceptedAndNamesTheUser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Authorization = new("JWT", site.ContextToken("557058:alice"));
        using var response = await host.CreateClient().SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["accountId"]!.GetValue<string>(), Is.EqualTo("557058:alice"));
        Assert.That(body["tenant"]!.GetValue<string>(), Is.EqualTo(site.BaseUrl));
    }

    [Test]
    public async Task AdminApiWithoutToken_IsRefused()
    {
        using var response = await host.CreateClient().GetAsync("/api/session");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "No JWT");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// Cross-site request forgery from another origin of the same site: a page on another port of the console's host is
/// the same site, so its POST carries the SameSite=Strict cookie. Every state-changing console request must come
/// from the console's own origin as the browser states it, and bodies must be JSON. The accept route is the one an
/// attacker wants most: it would connect this node's project to their public node.
/// </summary>
public class ConsoleSameOriginTests
{
    private PrivateNode node = null!;
    private HttpClient browser = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PrivateNode.StartAsync();
        browser = await node.LoggedInAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        browser.Dispose();
        await node.DisposeAsync();
    }

    private string Code => InvitationCodes.Encode(InvitationCodes.Payload(node.PublicNodeUrl));

    private async Task<HttpResponseMessage> AcceptAsync(HttpContent content, string? origin, string? fetchSite)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/connections/accept") { Content = content };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await browser.SendAsync(request);
    }

    [TestCase("http://localhost:8081", null, TestName = "An Origin of another port of the same host is 403")]
    [TestCase("http://evil.example", null, TestName = "An Origin of another site is 403")]
    [TestCase("null", null, TestName = "An opaque Origin (a sandboxed frame, a data: page) is 403")]
    [TestCase(null, "same-site", TestName = "Sec-Fetch-Site same-site is 403")]
    [TestCase(null, "cross-site", TestName = "Sec-Fetch-Site cross-site is 403")]
    [TestCase("http://localhost", "same-site", TestName = "A matching Origin does not excuse Sec-Fetch-Site same-site")]
    public async Task AcceptFromAnotherOrigin_Is403_AndThePublicNodeIsNeverAsked(string? origin, string? fetchSite)
    {
        using var response = await AcceptAsync(JsonContent.Create(new { code = Code, projectKey = "GLX" }), origin, fetchSite);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "own page");
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
        Assert.That(await node.Host.ScalarAsync<long>("SELECT COUNT(*) FROM connections"), Is.Zero);
    }

    [Test]
    public async Task AcceptWithoutAContentType_Is415_AndThePublicNodeIsNeverAsked()
    {
        // What a form or a no-cors fetch on another origin can send without a preflight: a body with no JSON type.
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"code":"{{Code}}","projectKey":"GLX"}"""));

        using var response = await AcceptAsync(content, origin: null, fetchSite: null);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/jsonp")]
    public async Task AcceptWithANonJsonContentType_Is415(string type)
    {
        using var response = await AcceptAsync(new StringContent($$"""{"code":"{{Code}}","projectKey":"GLX"}""", Encoding.UTF8, type), null, null);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.UnsupportedMediaType, "application/json");
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [Test]
    public async Task TheConsolesOwnPage_WithItsOriginAndFetchMetadata_IsServed()
    {
        node.PublicNode.Given(PublicNodeStubs.Status()).RespondWith(PublicNodeStubs.StatusAnswer("valid"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/invitations/check") { Content = JsonContent.Create(new { code = Code }) };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await browser.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LogoutFromAnotherOrigin_Is403_AndTheSessionStays()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/logout");
        request.Headers.Add("Origin", "http://localhost:8081");

        using var response = await browser.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await browser.GetAsync("/api/console/connections")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LoginFromAnotherOrigin_Is403_SoNoPageCanLogABrowserInAsSomeoneElse()
    {
        using var fresh = node.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login")
        {
            Content = JsonContent.Create(new { username = "admin", password = PrivateNode.Password }),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await fresh.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task AChangeUnderANameThatIsNotTheConsoles_Is421_AndIsNotCountedAgainstTheAdminsAddress()
    {
        // A page that rebinds its own name to this node's address is same-origin with itself (DNS rebinding): its
        // logins, counted against the admin's own address, would lock the admin out.
        for (var i = 0; i < 12; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login")
            {
                Content = JsonContent.Create(new { username = "admin", password = "guess-" + i }),
            };
            request.Headers.Host = "rebound.attacker.example:80";
            request.Headers.Add("Origin", "http://rebound.attacker.example");
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var refused = await node.Browser().SendAsync(request);
            await ApiErrorAssert.IsRefusal(refused, HttpStatusCode.MisdirectedRequest, "Console:Hosts");
        }

        using var admin = node.Browser();
        using var login = await admin.PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the admin's address was not locked out");
    }

    [Test]
    public async Task ANameListedInConsoleHosts_IsTheConsoles()
    {
        await using var named = await PrivateNode.StartAsync(new() { ["Console:Hosts"] = "sync.globex.example, console.globex.example" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login") { Content = JsonContent.Create(new { username = "admin", password = PrivateNode.Password }) };
        request.Headers.Host = "console.globex.example";
        request.Headers.Add("Origin", "http://console.globex.example");

        using var login = await named.Browser().SendAsync(request);

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await login.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ReadingFromAnotherOrigin_IsNotRefused_TheBrowserKeepsTheAnswerFromThatPage()
    {
        // GETs change nothing; without a CORS grant the other page cannot read what comes back.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/console/connections");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await browser.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }
}

using System.Net;
using System.Net.Http.Json;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>The console's admin logs in with a password and gets an HttpOnly, SameSite=Strict session cookie; guessing is slowed down.</summary>
public class ConsoleLoginTests
{
    private PrivateNode node = null!;

    [SetUp]
    public async Task Start() => node = await PrivateNode.StartAsync();

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static Task<HttpResponseMessage> Login(HttpClient browser, string username, string password) =>
        browser.PostAsJsonAsync("/console/login", new { username, password });

    [Test]
    public async Task RightPassword_Answers204WithAnHttpOnlySameSiteStrictCookie_ThatOpensTheConsoleApi()
    {
        using var browser = node.Browser();
        using var login = await Login(browser, "admin", PrivateNode.Password);

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_session="));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        Assert.That(cookie, Does.Not.Contain("secure;").IgnoreCase, "plain http cannot carry a Secure cookie");
        using var connections = await browser.GetAsync("/api/console/connections");
        Assert.That(connections.StatusCode, Is.EqualTo(HttpStatusCode.OK), await connections.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginOverHttps_SetsASecureCookie()
    {
        using var browser = node.Browser("https://localhost");
        using var login = await Login(browser, "admin", PrivateNode.Password);

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_session=")), Does.Contain("secure").IgnoreCase);
    }

    [TestCase("admin", "wrong-password-entirely")]
    [TestCase("root", PrivateNode.Password)]
    public async Task WrongUserOrPassword_Answers401Json_AndOpensNothing(string username, string password)
    {
        using var browser = node.Browser();
        using var login = await Login(browser, username, password);

        await ApiErrorAssert.IsRefusal(login, HttpStatusCode.Unauthorized, "wrong user name or password");
        Assert.That(login.Headers.Contains("Set-Cookie"), Is.False);
        using var connections = await browser.GetAsync("/api/console/connections");
        Assert.That(connections.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task MalformedLoginBody_Answers400()
    {
        using var browser = node.Browser();
        using var login = await browser.PostAsJsonAsync("/console/login", new { user = "admin" });
        await ApiErrorAssert.IsRefusal(login, HttpStatusCode.BadRequest, "username");
    }

    [Test]
    public async Task TenFailuresWithinFiveMinutes_Answer429_EvenToTheRightPassword()
    {
        using var browser = node.Browser();
        for (var i = 0; i < 10; i++)
        {
            using var failed = await Login(browser, "admin", "guess-" + i);
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "failure " + (i + 1));
        }

        using var throttled = await Login(browser, "admin", PrivateNode.Password);

        await ApiErrorAssert.IsRefusal(throttled, (HttpStatusCode)429, "too many failed logins");
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(throttled.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task ParallelGuesses_AreCappedAtTenPerWindow()
    {
        var guesses = Enumerable.Range(0, 25).Select(async i =>
        {
            using var browser = node.Browser();
            using var response = await Login(browser, "admin", "parallel-guess-" + i);
            return response.StatusCode;
        });

        var answers = await Task.WhenAll(guesses);

        Assert.That(answers.Count(s => s == HttpStatusCode.Unauthorized), Is.EqualTo(10));
        Assert.That(answers.Count(s => s == (HttpStatusCode)429), Is.EqualTo(15));
    }

    [Test]
    public async Task NineFailuresThenTheRightPassword_LogsIn()
    {
        using var browser = node.Browser();
        for (var i = 0; i < 9; i++)
            (await Login(browser, "admin", "guess-" + i)).Dispose();

        using var login = await Login(browser, "admin", PrivateNode.Password);

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Logout_Answers204_AndTheCookieNoLongerOpensTheConsoleApi()
    {
        using var browser = await node.LoggedInAsync();

        using var logout = await browser.PostAsync("/console/logout", null);
        using var after = await browser.GetAsync("/api/console/connections");

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ApiErrorAssert.IsRefusal(after, HttpStatusCode.Unauthorized, "log in");
    }

    [TestCase("GET", "/api/console/connections")]
    [TestCase("GET", "/api/console/projects")]
    [TestCase("POST", "/api/console/invitations/check")]
    [TestCase("POST", "/api/console/connections/accept")]
    public async Task ConsoleApiWithoutASession_Answers401Json(string method, string path)
    {
        using var browser = node.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = JsonContent.Create(new { code = "EXI1.x", projectKey = "GLX" });

        using var response = await browser.SendAsync(request);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "log in");
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [Test]
    public async Task ConsoleApiWithAJiraJwtInsteadOfASession_Answers401()
    {
        using var browser = node.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/console/connections");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("JWT", "eyJhbGciOiJIUzI1NiJ9.e30.x");

        using var response = await browser.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ForgedSessionCookie_Answers401()
    {
        using var browser = node.Browser();
        browser.DefaultRequestHeaders.Add("Cookie", "console_session=CfDJ8forged");

        using var response = await browser.GetAsync("/api/console/connections");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logs_NeverHoldThePassword()
    {
        using var browser = await node.LoggedInAsync();
        (await Login(node.Browser(), "admin", "not-the-password-but-close")).Dispose();
        (await Login(node.Browser(), PrivateNode.Password + "x", "oops-typed-into-the-user-field")).Dispose();

        Assert.That(node.Host.Logs.All, Does.Not.Contain(PrivateNode.Password));
        Assert.That(node.Host.Logs.All, Does.Not.Contain("not-the-password-but-close"));
    }
}

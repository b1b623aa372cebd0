using System.Net;
using System.Net.Http.Json;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// Console sessions live on the server: logout, a password change and "sign out everywhere" end them at once, and
/// so do the idle and absolute lifetimes (Console:SessionIdleTimeout, Console:SessionLifetime). Each test replays the
/// cookie a browser held, as a thief of it would, rather than trusting the browser to forget it.
/// </summary>
public class ConsoleSessionTests
{
    private PrivateNode node = null!;
    private ManualClock clock = null!;
    private WebApplicationFactory<Program> app = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PrivateNode.StartAsync();
        clock = new ManualClock(DateTimeOffset.UtcNow);
        app = node.WithServices(s => s.AddSingleton<TimeProvider>(clock));
    }

    [TearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await node.DisposeAsync();
    }

    /// <summary>Logs in and returns the session cookie exactly as the browser would send it back.</summary>
    private async Task<string> LoginAsync(string password = PrivateNode.Password)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await client.PostAsJsonAsync("/console/login", new { username = "admin", password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await login.Content.ReadAsStringAsync());
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_session=")).Split(';')[0];
    }

    private async Task<HttpStatusCode> WithCookieAsync(string cookie, HttpMethod method, string path, object? body = null)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private Task<HttpStatusCode> ConnectionsAsync(string cookie) => WithCookieAsync(cookie, HttpMethod.Get, "/api/console/connections");

    [Test]
    public async Task Logout_EndsTheSessionOnTheServer_TheSameCookieReplayedOpensNothing()
    {
        var cookie = await LoginAsync();
        Assert.That(await ConnectionsAsync(cookie), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await WithCookieAsync(cookie, HttpMethod.Post, "/console/logout"), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await ConnectionsAsync(cookie), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await node.Host.ScalarAsync<long>("SELECT COUNT(*) FROM console_sessions"), Is.Zero);
    }

    [Test]
    public async Task SignOutEverywhere_EndsEveryBrowsersSession_ThisOneIncluded()
    {
        var here = await LoginAsync();
        var elsewhere = await LoginAsync();

        Assert.That(await WithCookieAsync(here, HttpMethod.Post, "/api/console/sessions/revoke", new { }), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await ConnectionsAsync(here), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ConnectionsAsync(elsewhere), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task IdleSession_EndsAfterTheIdleTimeout_WhileAUsedOneLivesOn()
    {
        var used = await LoginAsync();
        var idle = await LoginAsync();

        for (var i = 0; i < 3; i++) // 3 × 20 minutes: the idle one has waited longer than the 30-minute timeout
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.That(await ConnectionsAsync(used), Is.EqualTo(HttpStatusCode.OK), $"used every 20 minutes ({i + 1})");
        }

        Assert.That(await ConnectionsAsync(idle), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task BusySession_EndsAtItsLifetime_HoweverOftenItIsUsed()
    {
        var cookie = await LoginAsync();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.That(await ConnectionsAsync(cookie), Is.EqualTo(HttpStatusCode.OK), $"after {elapsed + TimeSpan.FromMinutes(20)}");
        }

        clock.Advance(TimeSpan.FromMinutes(40)); // past 8 hours since the login

        Assert.That(await ConnectionsAsync(cookie), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task PasswordChange_WhenTheConfigurationSetsThePassword_Is409_AndChangesNothing()
    {
        var cookie = await LoginAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/password")
        {
            Content = JsonContent.Create(new { currentPassword = PrivateNode.Password, newPassword = "another-long-password" }),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Conflict, "Console:AdminPassword");
        Assert.That(await ConnectionsAsync(cookie), Is.EqualTo(HttpStatusCode.OK));
    }
}

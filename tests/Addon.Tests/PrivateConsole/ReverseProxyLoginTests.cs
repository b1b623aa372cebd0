using System.Net;
using System.Net.Http.Json;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// A private node behind a TLS-terminating reverse proxy (ReverseProxy:KnownProxies), as an operator runs it: its
/// own process, real HTTP from this test standing in for the proxy on 127.0.0.1. The client's address comes from
/// X-Forwarded-For (so the login throttle counts clients, not the proxy), https from X-Forwarded-Proto (so the session
/// cookie is Secure), and nobody else's forwarded headers are believed.
/// </summary>
public class ReverseProxyLoginTests
{
    private static NodeProcess node = null!;

    [OneTimeSetUp]
    public static async Task Start() => node = await NodeProcess.StartAsync(new Dictionary<string, string>
    {
        ["Node:Role"] = "private",
        ["PrivateNode:Jira:BaseUrl"] = "http://127.0.0.1:9/jira",
        ["PrivateNode:Jira:PersonalAccessToken"] = "unused-token",
        ["Console:AdminPassword"] = PrivateNode.Password,
        ["ReverseProxy:KnownProxies"] = "127.0.0.1",
        ["Sync:Enabled"] = "false",
    });

    [OneTimeTearDown]
    public static async Task Stop() => await node.DisposeAsync();

    private static async Task<HttpResponseMessage> LoginAsync(string password, string forwardedFor, string? proto = null, string? deviceCookie = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = node.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login") { Content = JsonContent.Create(new { username = "admin", password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
            request.Headers.Add("X-Forwarded-Proto", proto);
        if (deviceCookie is not null)
            request.Headers.Add("Cookie", deviceCookie);
        return await http.SendAsync(request);
    }

    [Test, Order(1)]
    public async Task BehindTheProxy_AnHttpsLogin_GetsSecureCookies()
    {
        using var login = await LoginAsync(PrivateNode.Password, "203.0.113.10", proto: "https");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies.Single(c => c.StartsWith("console_session=")), Does.Contain("secure").IgnoreCase);
        Assert.That(cookies.Single(c => c.StartsWith("console_device=")), Does.Contain("secure").IgnoreCase.And.Contain("path=/console/login").IgnoreCase);
    }

    [Test, Order(2)]
    public async Task GuessesFromManyClientAddresses_AreCappedForTheAccount_ButTheAdminsOwnBrowserStillLogsIn()
    {
        // The admin logged in before from their browser, which keeps its device cookie.
        string device;
        using (var before = await LoginAsync(PrivateNode.Password, "198.51.100.1"))
            device = before.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_device=")).Split(';')[0];

        // 50 guesses from 5 addresses (each under its own limit of 10): the account's limit of 20 holds them.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var guess = await LoginAsync("guess-" + i, "203.0.113." + (20 + i % 5));
            answers.Add(guess.StatusCode);
        }
        Assert.That(answers.Count(s => s == HttpStatusCode.Unauthorized), Is.EqualTo(20));
        Assert.That(answers.Count(s => s == (HttpStatusCode)429), Is.EqualTo(30));

        using (var stranger = await LoginAsync(PrivateNode.Password, "203.0.113.99"))
            Assert.That((int)stranger.StatusCode, Is.EqualTo(429), "even the right password, from a browser the account does not know");
        using var admin = await LoginAsync(PrivateNode.Password, "198.51.100.1", deviceCookie: device);
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the admin's own browser is not locked out");
    }

    [Test, Order(3)]
    public async Task ForwardedHeaders_FromAnAddressThatIsNotAKnownProxy_AreIgnored()
    {
        // From 127.0.0.2 (not a known proxy) the claimed address is ignored: each guess counts against 127.0.0.2,
        // whose own limit of 10 is what stops them, whatever address each claims.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, ConnectCallback = FromSecondLoopbackAsync }) { BaseAddress = node.BaseUrl };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login") { Content = JsonContent.Create(new { username = "nobody", password = "x" }) };
            request.Headers.Add("X-Forwarded-For", "192.0.2." + i);
            using var response = await http.SendAsync(request);
            answers.Add(response.StatusCode);
        }
        Assert.That(answers.Take(10), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answers.Skip(10), Is.All.EqualTo((HttpStatusCode)429));
    }

    private static async ValueTask<Stream> FromSecondLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancel);
        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
    }
}

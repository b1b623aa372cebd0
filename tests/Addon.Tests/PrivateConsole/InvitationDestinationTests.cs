using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using ConnectAddon.Tests.Transport;
using ConnectAddon.Transport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// A pasted invitation code cannot turn the private node into a scanner of its own network: the public node it names
/// passes the same destination guard as every URL the node did not configure (private, loopback, link-local, CGNAT,
/// IPv4-mapped and every spelling of them, and what a name resolves to), and the console says why a code was refused.
/// An operator whose public node really is inside the network says so with <c>Transport:AllowedNetworks</c>.
/// </summary>
public class InvitationDestinationTests
{
    private PrivateNode node = null!;
    private FixedHostResolver resolver = null!;
    private WebApplicationFactory<Program> app = null!;
    private HttpClient browser = null!;

    // One node for the refusals: none of them may leave anything behind for the next.
    [OneTimeSetUp]
    public async Task Start()
    {
        node = await PrivateNode.StartAsync();
        resolver = new FixedHostResolver(Dns);
        app = WithResolver(node, resolver);
        browser = await LoggedInAsync(app);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        browser.Dispose();
        await app.DisposeAsync();
        await node.DisposeAsync();
    }

    private static readonly Dictionary<string, IPAddress[]> Dns = new()
    {
        ["metadata.partner.test"] = [IPAddress.Parse("169.254.169.254")],
        ["intranet.partner.test"] = [IPAddress.Parse("10.0.0.7")],
        ["rebinding.partner.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.1.1")],
        ["allowed.partner.test"] = [IPAddress.Loopback],
    };

    [TestCase("https://169.254.169.254", "link-local")]
    [TestCase("https://169.254.169.254:8443/latest", "link-local")]
    [TestCase("https://[::ffff:a9fe:a9fe]", "link-local")]
    [TestCase("https://0xa9fea9fe", "link-local")]
    [TestCase("https://2852039166", "link-local")]
    [TestCase("https://10.1.2.3:8443", "private")]
    [TestCase("https://192.168.0.10", "private")]
    [TestCase("https://172.16.5.4", "private")]
    [TestCase("https://[fd00::1]", "private")]
    [TestCase("https://100.64.0.1", "carrier-grade NAT")]
    [TestCase("https://0.0.0.0", "unspecified")]
    public async Task CodeNamingAnInternalAddress_IsRefusedOnCheckAndAccept_SayingWhy_AndNothingIsSentOrStored(string publicNode, string kind)
    {
        resolver.Asked.Clear();
        var code = InvitationCodes.Encode(InvitationCodes.Payload(new Uri(publicNode)));

        using var check = await browser.PostAsJsonAsync("/api/console/invitations/check", new { code });
        using var accept = await browser.PostAsJsonAsync("/api/console/connections/accept", new { code, projectKey = "GLX" });

        foreach (var answer in new[] { check, accept })
        {
            var message = await ApiErrorAssert.IsRefusal(answer, HttpStatusCode.BadRequest, kind);
            Assert.That(message, Does.Contain("will not call the public node").And.Contain("Transport:AllowedNetworks"));
            Assert.That(ErrorCode(await answer.Content.ReadAsStringAsync()), Is.EqualTo("public_node_refused"));
        }
        Assert.That(resolver.Asked, Is.Empty, "an address in the URL is refused as written: no lookup, no connection");
        Assert.That(await node.Host.ScalarAsync<long>("SELECT COUNT(*) FROM connections"), Is.Zero);
    }

    [TestCase("metadata.partner.test", "link-local")]
    [TestCase("intranet.partner.test", "private")]
    [TestCase("rebinding.partner.test", "private")]
    public async Task CodeNamingAHostThatResolvesToAnInternalAddress_IsRefusedWhenConnecting_SayingWhy(string host, string kind)
    {
        using var check = await browser.PostAsJsonAsync("/api/console/invitations/check",
            new { code = InvitationCodes.Encode(InvitationCodes.Payload(new Uri($"https://{host}/sync"))) });

        var message = await ApiErrorAssert.IsRefusal(check, HttpStatusCode.BadRequest, host + " resolves to");
        Assert.That(message, Does.Contain(kind));
        Assert.That(resolver.Asked, Does.Contain(host));
    }

    [Test]
    public async Task InternalPublicNode_IsReachedOnlyWhenItsNetworkIsAllowed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var code = InvitationCodes.Encode(InvitationCodes.Payload(new Uri($"https://allowed.partner.test:{((IPEndPoint)listener.LocalEndpoint).Port}/")));

        // Loopback stands for the internal network here: with insecure destinations off, it is as refused as 10.x.
        await using (var refusing = await PrivateNode.StartAsync(new() { ["PrivateNode:AllowInsecurePublicNode"] = "false", ["Transport:AllowInsecureDestinations"] = "false" }))
        await using (var refusingApp = WithResolver(refusing, new FixedHostResolver(Dns)))
        {
            using var refusingBrowser = await LoggedInAsync(refusingApp);
            using var check = await refusingBrowser.PostAsJsonAsync("/api/console/invitations/check", new { code });
            await ApiErrorAssert.IsRefusal(check, HttpStatusCode.BadRequest, "loopback");
            Assert.That(listener.Pending(), Is.False, "no connection reached the internal address");
        }

        await using var allowing = await PrivateNode.StartAsync(new()
        {
            ["PrivateNode:AllowInsecurePublicNode"] = "false",
            ["Transport:AllowInsecureDestinations"] = "false",
            ["Transport:AllowedNetworks"] = "127.0.0.1/32",
            ["PrivateNode:PublicNodeTimeout"] = "00:00:02", // what listens there is no node: it never answers
        });
        await using var allowed = WithResolver(allowing, new FixedHostResolver(Dns));
        using var admin = await LoggedInAsync(allowed);
        var accepting = listener.AcceptTcpClientAsync();
        using var reached = await admin.PostAsJsonAsync("/api/console/invitations/check", new { code });

        using var connection = await accepting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(connection.Connected, Is.True, "the allowed network was reached");
        Assert.That(ErrorCode(await reached.Content.ReadAsStringAsync()), Is.EqualTo("public_node_unreachable"), "it is no node (no TLS), but it was not refused");
    }

    private static WebApplicationFactory<Program> WithResolver(PrivateNode node, IHostAddressResolver resolver) =>
        node.WithServices(services => services.AddSingleton(resolver));

    private static Task<HttpClient> LoggedInAsync(WebApplicationFactory<Program> app) => PrivateNode.LoggedInAsync(app);

    private static string? ErrorCode(string body) => JsonNode.Parse(body)?["error"]?.GetValue<string>();
}

using System.Net;
using ConnectAddon.Transport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// The guard's connect callback: the address rule applied to what DNS answers at the moment of connecting. A WireMock
/// node on loopback stands for what must stay unreachable; that it logged no request proves nothing got through.
/// </summary>
public class DestinationConnectTests
{
    private const string RebindingName = "rebind.example.test";

    private static readonly Dictionary<string, IPAddress[]> Dns = new()
    {
        [RebindingName] = [IPAddress.Loopback],
        ["internal.example.test"] = [IPAddress.Parse("10.0.0.7")],
        ["metadata.example.test"] = [IPAddress.Parse("169.254.169.254")],
        // A public answer beside a loopback one: every address must pass, not just the first.
        ["mixed.example.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Loopback],
        ["mapped.example.test"] = [IPAddress.Parse("::ffff:127.0.0.1")],
        ["missing.example.test"] = [],
    };

    private FixedHostResolver resolver = null!;
    private TransportHarness harness = null!;
    private WireMockServer node = null!;

    [TearDown]
    public void Stop()
    {
        node.Stop();
        node.Dispose();
        harness.Dispose();
    }

    private void Start(bool allowInsecure)
    {
        resolver = new FixedHostResolver(Dns);
        harness = new TransportHarness(allowInsecure, resolver);
        node = WireMockServer.Start();
        node.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(InfoJson.Sample));
    }

    [TestCase(RebindingName, "loopback")]
    [TestCase("mixed.example.test", "loopback")]
    [TestCase("mapped.example.test", "loopback")]
    [TestCase("internal.example.test", "private")]
    [TestCase("metadata.example.test", "link-local")]
    public async Task GetInfo_NameThatPassesTheCheckButResolvesToANonPublicAddress_IsRefusedAtConnectAndNothingArrives(string host, string kind)
    {
        Start(allowInsecure: false);
        var url = $"https://{host}:{node.Port}/";
        Assert.That(harness.Guard.Check(url).IsSuccess, Is.True, "the pre-check cannot know what a name resolves to");

        var result = await harness.Client.GetInfoAsync(url, CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Status, Is.EqualTo(400));
        Assert.That(result.Error.Message, Does.Contain(host + " resolves to").And.Contain(kind));
        Assert.That(resolver.Asked, Does.Contain(host), "refused by the connect callback, after resolving");
        Assert.That(node.LogEntries, Is.Empty);
    }

    [Test]
    public async Task GetInfo_WithInsecureDestinationsAllowed_ReachesALoopbackNameThroughTheSameResolver()
    {
        Start(allowInsecure: true);

        var result = await harness.Client.GetInfoAsync($"http://{RebindingName}:{node.Port}/", CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        Assert.That(resolver.Asked, Does.Contain(RebindingName));
        Assert.That(TransportHarness.PathsAsked(node), Is.EqualTo(new[] { "/transport/v1/info" }));
    }

    [TestCase("internal.example.test", "private")]
    [TestCase("metadata.example.test", "link-local")]
    public async Task GetInfo_WithInsecureDestinationsAllowed_StillRefusesANameResolvingToAnInternalAddress(string host, string kind)
    {
        Start(allowInsecure: true);

        var result = await harness.Client.GetInfoAsync($"http://{host}:{node.Port}/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Message, Does.Contain(kind));
    }

    [Test]
    public async Task GetInfo_NameThatDoesNotResolve_IsUnreachable()
    {
        Start(allowInsecure: false);

        var result = await harness.Client.GetInfoAsync("https://missing.example.test/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_unreachable"));
        Assert.That(result.Error!.Status, Is.EqualTo(502));
        Assert.That(result.Error.Message, Does.Contain("could not be resolved"));
    }

    [TestCase("https://localhost:{0}/")]
    [TestCase("http://localhost:{0}/")]
    [TestCase("http://127.0.0.1:{0}/")]
    [TestCase("http://2130706433:{0}/")]
    [TestCase("http://[::ffff:127.0.0.1]:{0}/")]
    public void Handler_WithInsecureDestinationsOff_RefusesLoopbackAtConnectEvenWithoutThePreCheck(string pattern)
    {
        Start(allowInsecure: false);
        using var client = new HttpClient(harness.Guard.CreateHandler());

        var failure = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(string.Format(pattern, node.Port)));

        Assert.That(failure!.InnerException, Is.InstanceOf<DestinationRefusedException>());
        Assert.That(failure.InnerException!.Message, Does.Contain("loopback"));
        Assert.That(node.LogEntries, Is.Empty);
    }

    [Test]
    public async Task GetInfo_HttpsLocalhostWithInsecureDestinationsOff_IsRefusedAndNothingArrives()
    {
        Start(allowInsecure: false);

        var result = await harness.Client.GetInfoAsync($"https://localhost:{node.Port}/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Message, Does.Contain("loopback"));
        Assert.That(node.LogEntries, Is.Empty);
    }

    [Test]
    public void Handler_FollowsNoRedirectAndUsesNoProxy_WhenNoneIsConfigured()
    {
        Start(allowInsecure: false);
        using var handler = (SocketsHttpHandler)harness.Guard.CreateHandler();

        Assert.That(handler.AllowAutoRedirect, Is.False);
        Assert.That(handler.UseProxy, Is.False);
        Assert.That(handler.ConnectCallback, Is.Not.Null);
    }
}

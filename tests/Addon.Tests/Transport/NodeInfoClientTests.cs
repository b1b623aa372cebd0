using System.Net;
using System.Net.Sockets;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// Reading another node's info through the guarded client. WireMock nodes listen on loopback, so insecure destinations
/// are allowed here; the refusals of loopback itself are in <see cref="DestinationConnectTests"/>.
/// </summary>
public class NodeInfoClientTests
{
    private TransportHarness harness = null!;
    private WireMockServer node = null!;

    [SetUp]
    public void Start()
    {
        harness = new TransportHarness(allowInsecure: true, infoTimeout: TimeSpan.FromMilliseconds(500));
        node = WireMockServer.Start();
    }

    [TearDown]
    public void Stop()
    {
        node.Stop();
        node.Dispose();
        harness.Dispose();
    }

    private string NodeUrl => $"http://localhost:{node.Port}";

    private void Answer(Func<IResponseBuilder, IResponseBuilder> response, string path = "/transport/v1/info") =>
        node.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(response(Response.Create()));

    [Test]
    public async Task GetInfo_NodeAnswersItsInfo_IsParsed()
    {
        Answer(r => r.WithStatusCode(200).WithBodyAsJson(InfoJson.Sample));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        var info = result.Value!;
        Assert.That(info.Name, Is.EqualTo("Exalate at partner.example.com"));
        Assert.That(info.Version, Is.EqualTo("1.4.0+abc123"));
        Assert.That(info.Role, Is.EqualTo("public"));
        Assert.That(info.ConnectionTypes, Has.Count.EqualTo(1));
        Assert.That(info.ConnectionTypes[0].Type, Is.EqualTo("private"));
        Assert.That(info.ConnectionTypes[0].Modes, Is.EqualTo(new[] { "basic" }));
    }

    [TestCase("", "/transport/v1/info")]
    [TestCase("/", "/transport/v1/info")]
    [TestCase("/exalate", "/exalate/transport/v1/info")]
    [TestCase("/exalate/", "/exalate/transport/v1/info")]
    public async Task GetInfo_DestinationWithAPathPrefix_AsksBelowThePrefix(string prefix, string expectedPath)
    {
        Answer(r => r.WithStatusCode(200).WithBodyAsJson(InfoJson.Sample), expectedPath);

        var result = await harness.Client.GetInfoAsync(NodeUrl + prefix, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        Assert.That(TransportHarness.PathsAsked(node), Is.EqualTo(new[] { expectedPath }));
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task GetInfo_DestinationRedirects_IsRefusedAndTheTargetIsNeverAsked(int status)
    {
        Answer(r => r.WithStatusCode(status).WithHeader("Location", NodeUrl + "/elsewhere/transport/v1/info"));
        Answer(r => r.WithStatusCode(200).WithBodyAsJson(InfoJson.Sample), "/elsewhere/transport/v1/info");

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Status, Is.EqualTo(400));
        Assert.That(result.Error.Message, Does.Contain("redirects"));
        Assert.That(TransportHarness.PathsAsked(node), Is.EqualTo(new[] { "/transport/v1/info" }));
    }

    [Test]
    public async Task GetInfo_RedirectToTheMetadataService_IsRefusedWithoutFollowing()
    {
        Answer(r => r.WithStatusCode(302).WithHeader("Location", "http://169.254.169.254/latest/meta-data/"));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Message, Does.Contain("redirects"));
    }

    [TestCase(404)]
    [TestCase(500)]
    [TestCase(503)]
    public async Task GetInfo_NonSuccessAnswer_IsUnreachableWithTheStatus(int status)
    {
        Answer(r => r.WithStatusCode(status).WithBody("nope"));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        AssertUnreachable(result.Error, $"HTTP {status}");
    }

    [TestCase("<html><body>Welcome to nginx</body></html>")]
    [TestCase("[]")]
    [TestCase("{}")]
    [TestCase("""{"name":"x","version":"1","role":"public"}""")]
    [TestCase("""{"name":"","version":"1","role":"public","connectionTypes":[]}""")]
    [TestCase("""{"name":null,"version":"1","role":"public","connectionTypes":[]}""")]
    [TestCase("""{"name":5,"version":"1","role":"public","connectionTypes":[]}""")]
    [TestCase("""{"name":"x","version":"1","role":"public","connectionTypes":[{"type":"private","modes":[null]}]}""")]
    [TestCase("""{"name":"x","version":"1","role":"public","connectionTypes":[null]}""")]
    [TestCase("""{"name":"x","version":"1","role":"public","connectionTypes":[{"type":"private"}]}""")]
    public async Task GetInfo_AnswerThatIsNotANodesInfo_IsUnreachable(string body)
    {
        Answer(r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        AssertUnreachable(result.Error, "not a node's info");
    }

    [Test]
    public async Task GetInfo_AnswerWithUnknownFields_IsParsed()
    {
        Answer(r => r.WithStatusCode(200).WithBody("""{"name":"n","version":"2","role":"public","connectionTypes":[],"later":{"x":1}}"""));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        Assert.That(result.Value!.ConnectionTypes, Is.Empty);
    }

    [Test]
    public async Task GetInfo_AnswerLargerThan64KiB_IsUnreachable()
    {
        var padding = new string(' ', 70 * 1024);
        Answer(r => r.WithStatusCode(200).WithBody("""{"name":"n","version":"1","role":"public","connectionTypes":[]}""" + padding));

        var result = await harness.Client.GetInfoAsync(NodeUrl, CancellationToken.None);

        AssertUnreachable(result.Error, "larger than 64 KiB");
    }

    [Test]
    public async Task GetInfo_NodeThatNeverAnswers_IsUnreachableAfterTheTimeout()
    {
        // The kernel completes the handshake for a listener that never accepts: connected, and then silence.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;

            var result = await harness.Client.GetInfoAsync($"http://127.0.0.1:{port}/", CancellationToken.None);

            AssertUnreachable(result.Error, "did not answer within 0.5 s");
        }
        finally
        {
            silent.Stop();
        }
    }

    [Test]
    public async Task GetInfo_NothingListening_IsUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port is now free: connecting to it is refused

        var result = await harness.Client.GetInfoAsync($"http://127.0.0.1:{port}/", CancellationToken.None);

        AssertUnreachable(result.Error, "no connection");
    }

    [Test]
    public async Task GetInfo_RefusedUrl_SendsNoRequestAndSaysWhy()
    {
        Answer(r => r.WithStatusCode(200).WithBodyAsJson(InfoJson.Sample));

        var result = await harness.Client.GetInfoAsync($"gopher://localhost:{node.Port}/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(node.LogEntries, Is.Empty);
    }

    private static void AssertUnreachable(ConnectAddon.Hosting.ApiError? error, string reason)
    {
        Assert.That(error, Is.Not.Null, "expected a failure");
        Assert.That(error!.Status, Is.EqualTo(502));
        Assert.That(error.Code, Is.EqualTo("destination_unreachable"));
        Assert.That(error.Message, Does.Contain(reason));
    }
}

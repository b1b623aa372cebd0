using System.Net.Sockets;
using System.Text;
using ConnectAddon.Hosting;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Hosting;

/// <summary>
/// Encoded dot segments never change which route runs. Kestrel decodes <c>%2E%2E</c> and then removes dot segments,
/// so <c>DELETE …/connections/{id}/issues/%2E%2E</c> reached <c>DELETE …/connections/{id}</c>; these requests are
/// written byte for byte onto a socket of a real node, since an HTTP client would normalise them on the way out.
/// </summary>
public class DotSegmentGuardTests
{
    private static NodeProcess node = null!;

    [OneTimeSetUp]
    public static async Task Start() => node = await NodeProcess.StartAsync(new Dictionary<string, string> { ["Sync:Enabled"] = "false" });

    [OneTimeTearDown]
    public static async Task Stop() => await node.DisposeAsync();

    [TestCase("GET /pages/%2E%2E/healthz")]
    [TestCase("GET /pages/%2e%2E/healthz")]
    [TestCase("GET /pages/../healthz")]
    [TestCase("GET /healthz/.")]
    [TestCase("GET /healthz/%2E")]
    [TestCase("DELETE /api/admin/connections/c-1/issues/%2E%2E")]
    [TestCase("DELETE /api/admin/connections/c-1/issues/..")]
    [TestCase("GET http://{authority}/pages/%2E%2E/healthz")]
    // What an outside attack found past the first version of this guard: the "stop syncing" route deleted the connection.
    [TestCase("DELETE /api/admin/connections/c-1/issues/x#/../..")]
    [TestCase("DELETE http://{authority}/api/admin/connections/c-1/issues/..\\")]
    [TestCase("DELETE http://{authority}/api/admin/connections/c-1/issues/.%2E%5C")]
    [TestCase("DELETE /api/admin/connections/c-1/issues/..%09")]
    [TestCase("DELETE /api/admin/connections/c-1/issues/%2E%2E%20")]
    public async Task RequestThatCouldBeRoutedElsewhere_Is400BadPath_WhateverItWouldHaveNormalisedTo(string requestLine)
    {
        var (status, body) = await RawAsync(requestLine);

        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(body, Does.Contain("\"bad_path\""));
    }

    [Test]
    public async Task ControlCase_TheSameRequestsWithoutDotSegments_ReachTheirRoutes()
    {
        Assert.That((await RawAsync("GET /healthz")).Status, Is.EqualTo(200));
        // The route that a normalised "%2E%2E" would have reached answers as itself: 401 without a token, not 400.
        Assert.That((await RawAsync("DELETE /api/admin/connections/c-1")).Status, Is.EqualTo(401));
        // Double encoding is not a dot segment: Kestrel decodes once, so "%252E%252E" is the text "%2E%2E", a route value.
        Assert.That((await RawAsync("DELETE /api/admin/connections/c-1/issues/%252E%252E")).Status, Is.EqualTo(401));
    }

    [TestCase("/a/%2E%2E/b", true)]
    [TestCase("/a/%2e./b", true)]
    [TestCase("/a/.%2E", true)]
    [TestCase("/a/./b?x=..", true)]
    [TestCase("/a/b?x=/../", false)]
    [TestCase("/a/..b/c", false)]
    [TestCase("/a/...", false)]
    [TestCase("/a/%2E%2E%2E", false)]
    [TestCase("https://host/x/%2E%2E", true)]
    [TestCase("https://host..example/x", false)]
    [TestCase("/a/x#/../..", true)]
    [TestCase("/a/..\\", true)]
    [TestCase("/a/..%5C/b", true)]
    [TestCase("/a/..%09", true)]
    [TestCase("/a/%2E%2E%20/b", true)]
    [TestCase("/a/b%20c", false)]
    [TestCase("/", false)]
    public void HasDotSegment_LooksAtPathSegmentsOnly(string target, bool expected) =>
        Assert.That(DotSegmentGuard.HasDotSegment(target), Is.EqualTo(expected));

    private static async Task<(int Status, string Body)> RawAsync(string requestLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(node.BaseUrl.Host, node.BaseUrl.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine.Replace("{authority}", node.BaseUrl.Authority)} HTTP/1.1\r\nHost: {node.BaseUrl.Authority}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = int.Parse(answer.Split(' ', 3)[1]);
        return (status, answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}

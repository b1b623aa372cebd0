using ConnectAddon.Transport;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// The guard's check of a URL before any connection (DESIGN §9). Only parsing happens here: no name is resolved and
/// no request is sent, so public host names are safe to use.
/// </summary>
public class DestinationUrlGuardTests
{
    private TransportHarness secure = null!;
    private TransportHarness insecure = null!;

    [SetUp]
    public void Build()
    {
        secure = new TransportHarness(allowInsecure: false);
        insecure = new TransportHarness(allowInsecure: true);
    }

    [TearDown]
    public void Stop()
    {
        secure.Dispose();
        insecure.Dispose();
    }

    [TestCase("https://127.0.0.1/", "loopback")]
    [TestCase("https://127.255.255.254:8443/", "loopback")]
    [TestCase("https://[::1]/", "loopback")]
    [TestCase("https://[::ffff:127.0.0.1]/", "loopback")]
    [TestCase("https://[::ffff:7f00:1]/", "loopback")]
    [TestCase("https://2130706433/", "loopback")]
    [TestCase("https://0x7f000001/", "loopback")]
    [TestCase("https://127.1/", "loopback")]
    [TestCase("https://0177.0.0.1/", "loopback")]
    [TestCase("https://017700000001/", "loopback")]
    [TestCase("https://127。0。0。1/", "loopback")]
    [TestCase("https://localhost/", "loopback")]
    [TestCase("https://LOCALHOST./", "loopback")]
    [TestCase("https://node.localhost:8443/", "loopback")]
    [TestCase("https://10.0.0.1/", "private")]
    [TestCase("https://10.255.255.255/", "private")]
    [TestCase("https://172.16.0.1/", "private")]
    [TestCase("https://172.31.255.255/", "private")]
    [TestCase("https://192.168.1.1/", "private")]
    [TestCase("https://[fc00::1]/", "private")]
    [TestCase("https://[fd00:ec2::254]/", "private")]
    [TestCase("https://[fec0::1]/", "private")]
    [TestCase("https://[::ffff:10.0.0.1]/", "private")]
    [TestCase("https://[::ffff:192.168.0.1]/", "private")]
    [TestCase("https://[2002:a00:1::]/", "private")]
    [TestCase("https://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("https://169.254.0.1/", "link-local")]
    [TestCase("https://[fe80::1]/", "link-local")]
    [TestCase("https://[fe80::1%25eth0]/", "link-local")]
    [TestCase("https://[::ffff:169.254.169.254]/", "link-local")]
    [TestCase("https://0.0.0.0/", "unspecified")]
    [TestCase("https://0/", "unspecified")]
    [TestCase("https://[::]/", "unspecified")]
    [TestCase("https://224.0.0.1/", "multicast")]
    [TestCase("https://[ff02::1]/", "multicast")]
    [TestCase("https://255.255.255.255/", "broadcast")]
    [TestCase("https://100.64.0.1/", "carrier-grade NAT")]
    [TestCase("https://[::ffff:100.100.100.200]/", "carrier-grade NAT")]
    [TestCase("https://240.0.0.1/", "reserved")]
    public void Check_UrlOfANonPublicAddress_IsRefusedNamingTheKind(string url, string kind) =>
        AssertRefused(secure.Guard, url, kind);

    [TestCase("http://sync.example.com/", "https")]
    [TestCase("http://2130706433/", "https")]
    [TestCase("https://user:password@sync.example.com/", "user name or password")]
    [TestCase("https://user@sync.example.com/", "user name or password")]
    [TestCase("file:///etc/passwd", "only https")]
    [TestCase("gopher://sync.example.com:70/_GET", "only https")]
    [TestCase("ftp://sync.example.com/", "only https")]
    [TestCase("ws://sync.example.com/", "only https")]
    [TestCase("javascript:alert(1)", "only https")]
    [TestCase("data:text/plain,hello", "only https")]
    [TestCase("sync.example.com", "absolute")]
    [TestCase("//sync.example.com/", "only https")] // a network path: file:// on Unix
    [TestCase("", "no URL")]
    [TestCase("   ", "no URL")]
    [TestCase(null, "no URL")]
    [TestCase("https://sync.example.com/?next=http://10.0.0.1/", "query")]
    [TestCase("https://sync.example.com/#fragment", "query or fragment")]
    public void Check_UrlOfTheWrongShape_IsRefusedWithTheReason(string? url, string reason) =>
        AssertRefused(secure.Guard, url, reason);

    [Test]
    public void Check_VeryLongUrl_IsRefused() =>
        AssertRefused(secure.Guard, "https://sync.example.com/" + new string('a', 2000), "longer than");

    [TestCase("https://sync.example.com")]
    [TestCase("https://sync.example.com/")]
    [TestCase("https://sync.example.com:8443/base/path/")]
    [TestCase("HTTPS://Sync.Example.COM/")]
    [TestCase("  https://sync.example.com  ")]
    [TestCase("https://93.184.216.34/")]
    [TestCase("https://[2606:4700:4700::1111]/")]
    [TestCase("https://intranet/")] // a name: judged by what it resolves to, when connecting
    public void Check_HttpsUrlOfAPublicAddressOrName_Passes(string url)
    {
        var result = secure.Guard.Check(url);
        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
    }

    [TestCase("http://localhost:5000/")]
    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://[::1]:5000/")]
    [TestCase("http://2130706433/")]
    [TestCase("http://sync.example.com/")]
    [TestCase("https://localhost:8443/")]
    public void Check_WithInsecureDestinationsAllowed_PassesPlainHttpAndLoopback(string url)
    {
        var result = insecure.Guard.Check(url);
        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
    }

    [TestCase("http://10.0.0.1/", "private")]
    [TestCase("http://192.168.1.1/", "private")]
    [TestCase("http://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("http://[::ffff:169.254.169.254]/", "link-local")]
    [TestCase("http://0.0.0.0:5000/", "unspecified")]
    [TestCase("http://user:password@localhost:5000/", "user name or password")]
    [TestCase("gopher://localhost:70/", "only https")]
    [TestCase("file:///etc/passwd", "only https")]
    public void Check_WithInsecureDestinationsAllowed_StillRefusesEverythingButLoopback(string url, string reason) =>
        AssertRefused(insecure.Guard, url, reason);

    [Test]
    public void Check_Refusal_DoesNotEchoAPasswordFromTheUrl()
    {
        var result = secure.Guard.Check("https://admin:hunter2@sync.example.com/");
        Assert.That(result.Error!.Message, Does.Not.Contain("hunter2"));
    }

    private static void AssertRefused(DestinationUrlGuard guard, string? url, string reason)
    {
        var result = guard.Check(url);
        Assert.That(result.IsSuccess, Is.False, $"{url} passed");
        Assert.That(result.Error!.Status, Is.EqualTo(400));
        Assert.That(result.Error.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error.Message, Does.Contain(reason).IgnoreCase);
    }
}

using System.Net;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Health;

public class HealthTests
{
    [Test]
    public async Task Healthz_WithAReachableDatabase_Is200WithoutAuthentication()
    {
        using var host = new AddonHost();
        using var response = await host.CreateClient().GetAsync("/healthz");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"status":"ok"}"""));
    }
}

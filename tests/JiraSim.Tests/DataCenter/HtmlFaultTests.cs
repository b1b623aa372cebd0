using System.Net;
using JiraSim.Faults;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

/// <summary>A Jira behind an SSO or a reverse proxy that answers for it: HTML where a client expects JSON.</summary>
public sealed class HtmlFaultTests : DataCenterTest
{
    [Test]
    public async Task LoginPage_Answers200WithHtml_ForItsEndpointOnly()
    {
        jira.Faults(Site).Add(FaultRule.LoginPage("GET /rest/api/2/myself", times: 1));

        using var intercepted = await admin.GetAsync(SimClients.V2("myself"));
        using var other = await admin.GetAsync(SimClients.V2("serverInfo"));
        using var after = await admin.GetAsync(SimClients.V2("myself"));

        Assert.That(intercepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(intercepted.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await intercepted.Content.ReadAsStringAsync(), Does.StartWith("<!DOCTYPE html>").And.Contain("Log in"));
        Assert.That(other.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(after.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task ProxyError_Answers502WithHtml_ForEveryEndpoint_UntilCleared()
    {
        jira.Faults(Site).Add(FaultRule.ProxyError(null));

        using var first = await admin.GetAsync(SimClients.V2("myself"));
        using var second = await admin.GetAsync(SimClients.V2("search?jql="));
        jira.Faults(Site).Clear();
        using var cleared = await admin.GetAsync(SimClients.V2("myself"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(first.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("502 Bad Gateway"));
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CloudSites_CanBeFrontedByALoginPageToo()
    {
        jira.Faults("site-a").Add(FaultRule.LoginPage("POST /rest/api/3/issue"));
        using var cloud = jira.Admin("site-a");

        using var response = await cloud.PostAsync(SimClients.V3("issue"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(jira.Site("site-a").Issues, Is.Empty);
    }
}

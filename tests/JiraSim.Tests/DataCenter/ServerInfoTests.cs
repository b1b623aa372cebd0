using System.Net;
using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class ServerInfoTests : DataCenterTest
{
    [Test]
    public async Task DataCenterServerInfo_ReportsDeploymentTypeServer_ItsVersion_AndTheServerTimeInItsZone()
    {
        var (status, info) = await admin.SendJson(HttpMethod.Get, SimClients.V2("serverInfo"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(info!["deploymentType"]!.GetValue<string>(), Is.EqualTo("Server"));
        Assert.That(info["version"]!.GetValue<string>(), Is.EqualTo("9.12.15"));
        Assert.That(info["versionNumbers"]!.AsArray().Select(n => n!.GetValue<int>()), Is.EqualTo(new[] { 9, 12, 15 }));
        Assert.That(info["buildNumber"]!.GetValue<int>(), Is.EqualTo(912015));
        Assert.That(info["baseUrl"]!.GetValue<string>(), Is.EqualTo(jira.Site(Site).BaseUrlText));
        Assert.That(info["serverTime"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]00$"), "Europe/Berlin is +0100 or +0200");
        Assert.That(info.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "buildDate", "scmInfo", "serverTitle" }));
    }

    [TestCase("rest/api/2/serverInfo")]
    [TestCase("rest/api/3/serverInfo")]
    public async Task CloudServerInfo_UnderV2AndV3_ReportsCloud(string path)
    {
        using var cloud = jira.Admin("site-b");

        var (status, info) = await cloud.SendJson(HttpMethod.Get, path);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(info!["deploymentType"]!.GetValue<string>(), Is.EqualTo("Cloud"));
        Assert.That(info["version"]!.GetValue<string>(), Is.EqualTo("1001.0.0-SNAPSHOT"));
        Assert.That(info["versionNumbers"]!.AsArray().Select(n => n!.GetValue<int>()), Is.EqualTo(new[] { 1001, 0, 0 }));
    }

    [TestCase("serverInfo")]
    [TestCase("myself")]
    [TestCase("issue/GLX-1")]
    [TestCase("search/jql?jql=project=GLX")]
    public async Task DataCenter_HasNoRestV3_ItAnswers404(string path)
    {
        using var response = await admin.GetAsync(SimClients.V3(path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AMissingResource_IsWordedAsJerseyWordsIt()
    {
        var (status, body) = await admin.SendJson(HttpMethod.Get, SimClients.V3("myself"));

        Assert.That(status, Is.EqualTo(404));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo($"null for uri: {jira.Site(Site).BaseUrlText}/rest/api/3/myself"));
    }

    [TestCase("myself")]
    [TestCase("search?jql=project=GLX")]
    [TestCase("project")]
    public async Task Cloud_AnswersV2OnlyForServerInfo(string path)
    {
        using var cloud = jira.Admin("site-b");

        using var response = await cloud.GetAsync(SimClients.V2(path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RequestsAreCountedUnderTheirV2EndpointName()
    {
        await admin.GetAsync(SimClients.V2("myself"));

        Assert.That(jira.Site(Site).Requests["GET /rest/api/2/myself"], Is.EqualTo(1));
    }

    [Test]
    public void ConnectAppsCannotBeInstalledOnDataCenter()
    {
        Assert.ThrowsAsync<JiraSim.Connect.AppInstallException>(() => jira.InstallAppAsync(Site, new Uri("http://127.0.0.1:1/atlassian-connect.json")));
    }
}

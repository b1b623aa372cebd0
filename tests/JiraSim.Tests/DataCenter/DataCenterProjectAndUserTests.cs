using System.Net;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterProjectAndUserTests : DataCenterTest
{
    [Test]
    public async Task CreateMetaIssueTypes_IsAPageOfValues_WithoutHierarchyLevels()
    {
        var (status, page) = await admin.SendJson(HttpMethod.Get, SimClients.V2("issue/createmeta/GLX/issuetypes?startAt=1&maxResults=2"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(page!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "maxResults", "startAt", "total", "isLast", "values" }));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(page["isLast"]!.GetValue<bool>(), Is.False);
        var types = page["values"]!.AsArray();
        Assert.That(types.Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Bug", "Epic" }));
        Assert.That(types[0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "self", "id", "description", "iconUrl", "name", "subtask" }));
    }

    [Test]
    public async Task CreateMetaIssueTypes_MarksTheSubtaskType()
    {
        var (_, page) = await admin.SendJson(HttpMethod.Get, SimClients.V2("issue/createmeta/20000/issuetypes"));

        Assert.That(page!["isLast"]!.GetValue<bool>(), Is.True);
        Assert.That(page["values"]!.AsArray().Single(t => t!["subtask"]!.GetValue<bool>())!["name"]!.GetValue<string>(), Is.EqualTo("Sub-task"));
    }

    [Test]
    public async Task Project_HasItsIssueTypes_AndTheListIsAPlainArray_ThereIsNoProjectSearch()
    {
        var (status, project) = await admin.SendJson(HttpMethod.Get, SimClients.V2("project/GLX"));
        var (_, list) = await admin.SendJson(HttpMethod.Get, SimClients.V2("project"));
        using var search = await admin.GetAsync(SimClients.V2("project/search"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(project!["id"]!.GetValue<string>(), Is.EqualTo("20000"));
        Assert.That(project["issueTypes"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(project["self"]!.GetValue<string>(), Does.Contain("/rest/api/2/project/"));
        Assert.That(list!.AsArray().Select(p => p!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "GLX" }));
        Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "project/search is read as the project called 'search'");
    }

    [Test]
    public async Task MyPermissions_AnswersEachAskedPermission_WithHavePermission()
    {
        using var viewer = jira.BasicAuth(Site, "viewer", JiraSim.Seed.DefaultSeed.UserPassword);

        var (status, mine) = await admin.SendJson(HttpMethod.Get, SimClients.V2("mypermissions?projectKey=GLX&permissions=EDIT_ISSUES,BROWSE_PROJECTS"));
        var (_, theirs) = await viewer.SendJson(HttpMethod.Get, SimClients.V2("mypermissions?projectKey=GLX&permissions=EDIT_ISSUES,BROWSE_PROJECTS"));

        Assert.That(status, Is.EqualTo(200));
        var edit = mine!["permissions"]!["EDIT_ISSUES"]!.AsObject();
        Assert.That(edit.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "key", "name", "type", "description", "havePermission" }));
        Assert.That(edit["havePermission"]!.GetValue<bool>(), Is.True);
        Assert.That((edit["id"]!.GetValue<string>(), edit["name"]!.GetValue<string>(), edit["type"]!.GetValue<string>()), Is.EqualTo(("12", "Edit Issues", "PROJECT")));
        Assert.That(theirs!["permissions"]!["EDIT_ISSUES"]!["havePermission"]!.GetValue<bool>(), Is.False);
        Assert.That(theirs["permissions"]!["BROWSE_PROJECTS"]!["havePermission"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task MyPermissions_OfAnUnknownProject_Is404()
    {
        var (status, _) = await admin.SendJson(HttpMethod.Get, SimClients.V2("mypermissions?projectKey=NOPE&permissions=EDIT_ISSUES"));

        Assert.That(status, Is.EqualTo(404));
    }

    [TestCase("user?username=user")]
    [TestCase("user?key=JIRAUSER10100")]
    public async Task User_IsFoundByUsernameOrKey(string path)
    {
        var (status, user) = await admin.SendJson(HttpMethod.Get, SimClients.V2(path));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(user!["name"]!.GetValue<string>(), Is.EqualTo("user"));
        Assert.That(user["key"]!.GetValue<string>(), Is.EqualTo("JIRAUSER10100"));
        Assert.That(user["displayName"]!.GetValue<string>(), Is.EqualTo("Uma User (DC)"));
    }

    [Test]
    public async Task User_WhoDoesNotExist_Is404()
    {
        var (status, body) = await admin.SendJson(HttpMethod.Get, SimClients.V2("user?username=nobody"));

        Assert.That(status, Is.EqualTo(404));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Is.EqualTo("The user named 'nobody' does not exist"));
    }
}

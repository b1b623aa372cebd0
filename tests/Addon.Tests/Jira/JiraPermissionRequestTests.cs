using ConnectAddon.Jira;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Who the app runs as, and whether a user is a Jira administrator (POST /rest/api/3/permissions/check).</summary>
public class JiraPermissionRequestTests : JiraSiteTest
{
    [Test]
    public async Task IsJiraAdministrator_AsksForAdministerForThatAccount_TrueWhenGranted()
    {
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/permissions/check", "post", "200")));

        var result = await client.IsJiraAdministratorAsync("5b10a2844c20165700ede21g");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value, Is.True);
        Assert.That(jira.Single().BodyJson().ToJsonString(), Is.EqualTo("""{"accountId":"5b10a2844c20165700ede21g","globalPermissions":["ADMINISTER"]}"""));
    }

    [Test]
    public async Task IsJiraAdministrator_NotGranted_IsFalse()
    {
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(200, """{"globalPermissions":[],"projectPermissions":[]}"""));

        var result = await client.IsJiraAdministratorAsync("557058:someone");

        Assert.That(result.Value, Is.False);
    }

    [Test]
    public async Task CheckGlobalPermissions_UnknownPermission_ReturnsBadRequestWithJirasErrors()
    {
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(400, OpenApiExamples.Response("/rest/api/3/permissions/check", "post", "400")));

        var result = await client.CheckGlobalPermissionsAsync("557058:someone", ["PERMISSION_123"]);

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.BadRequest));
        Assert.That(result.Error.Errors["PERMISSION_123"], Is.EqualTo("Unrecognized permission"));
    }

    [Test]
    public async Task GetMyself_ReadsTheAccount()
    {
        jira.Given(At("GET", "/rest/api/3/myself")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/myself", "get", "200")));

        var result = await client.GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That((result.Value!.AccountId, result.Value.AccountType, result.Value.DisplayName), Is.EqualTo(("5b10a2844c20165700ede21g", "atlassian", "Mia Krystof")));
        Assert.That(jira.Single().Header("Accept"), Is.EqualTo("application/json"));
    }
}

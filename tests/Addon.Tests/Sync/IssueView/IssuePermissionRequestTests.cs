using ConnectAddon.Jira;
using ConnectAddon.Tests.Jira;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Sync.IssueView;

/// <summary>
/// The typed client's project-permission check on one issue (<c>POST /rest/api/3/permissions/check</c> with
/// <c>projectPermissions</c>): the request in the shape of BulkPermissionsRequestBean, the answer read from
/// BulkPermissionGrants.
/// </summary>
public class IssuePermissionRequestTests : JiraSiteTest
{
    [Test]
    public async Task IssuePermissions_AsksForThePermissionsOnThatIssueForThatAccount()
    {
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(200, """{"globalPermissions":[],"projectPermissions":[]}"""));

        await client.IssuePermissionsAsync("557058:someone", 10013, [JiraClient.BrowseProjectsPermission, JiraClient.EditIssuesPermission]);

        Assert.That(jira.Single().BodyJson().ToJsonString(), Is.EqualTo(
            """{"accountId":"557058:someone","projectPermissions":[{"permissions":["BROWSE_PROJECTS","EDIT_ISSUES"],"issues":[10013]}]}"""));
    }

    [TestCase(10013, true)]
    [TestCase(10011, false)]
    public async Task IssuePermissions_AreThoseGrantedOnThatIssue(long issueId, bool granted)
    {
        // The document's example: EDIT_ISSUES on issues 10010, 10013 and 10014.
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/permissions/check", "post", "200")));

        var result = await client.IssuePermissionsAsync("557058:someone", issueId, [JiraClient.EditIssuesPermission]);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Contains(JiraClient.EditIssuesPermission), Is.EqualTo(granted));
    }

    [Test]
    public async Task IssuePermissions_JiraRefusingTheAccount_IsABadRequest()
    {
        jira.Given(At("POST", "/rest/api/3/permissions/check")).RespondWith(Json(400, """{"errorMessages":[],"errors":{"accountId":"The user with the account ID does not exist."}}"""));

        var result = await client.IssuePermissionsAsync("557058:stranger", 10013, [JiraClient.EditIssuesPermission]);

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.BadRequest));
    }
}

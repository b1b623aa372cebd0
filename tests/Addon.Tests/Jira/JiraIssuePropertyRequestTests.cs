using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using WireMock.ResponseBuilders;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Issue properties: JSON values set, read and removed under a key.</summary>
public class JiraIssuePropertyRequestTests : JiraSiteTest
{
    [TestCase(200)]
    [TestCase(201)]
    public async Task SetIssueProperty_PutsTheValueAsTheBody(int status)
    {
        jira.Given(At("PUT", "/rest/api/3/issue/ED-1/properties/exalate.twin")).RespondWith(Response.Create().WithStatusCode(status));

        var result = await client.SetIssuePropertyAsync("ED-1", "exalate.twin", new JsonObject { ["connection"] = "c-1", ["remote"] = "PRJ-7" });

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Single().Body, Is.EqualTo("""{"connection":"c-1","remote":"PRJ-7"}"""));
    }

    [Test]
    public async Task GetIssueProperty_ReadsKeyAndValue()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/properties/issue.support")).RespondWith(
            Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", "get", "200")));

        var result = await client.GetIssuePropertyAsync("ED-1", "issue.support");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Key, Is.EqualTo("issue.support"));
        Assert.That(result.Value.Value!["system.support.time"]!.GetValue<string>(), Is.EqualTo("1m"));
    }

    [Test]
    public async Task GetIssueProperty_Missing_ReturnsNotFound()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/properties/none")).RespondWith(JiraErrors(404, ["The property with key 'none' does not exist."]));

        var result = await client.GetIssuePropertyAsync("ED-1", "none");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.NotFound));
    }

    [Test]
    public async Task DeleteIssueProperty_SendsDelete()
    {
        jira.Given(At("DELETE", "/rest/api/3/issue/ED-1/properties/exalate.twin")).RespondWith(Response.Create().WithStatusCode(204));

        var result = await client.DeleteIssuePropertyAsync("ED-1", "exalate.twin");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
    }

    [TestCase("..")]
    [TestCase(".")]
    public void PropertyKeyThatUrlNormalisationWouldRemove_IsRefusedBeforeSending(string key)
    {
        Assert.ThrowsAsync<ArgumentException>(() => client.DeleteIssuePropertyAsync("ED-1", key));
        Assert.That(jira.LogEntries, Is.Empty);
    }
}

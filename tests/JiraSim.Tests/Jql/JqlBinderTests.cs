namespace JiraSim.Tests.Jql;

/// <summary>What the simulator does not support is refused with a 400 message that names it and says where, never ignored.</summary>
public sealed class JqlBinderTests
{
    private readonly JqlTestSite t = new();

    [Test]
    public void UnsupportedField_IsRefusedNamingItAndWhere() =>
        Assert.That(t.Errors("project = ACME AND assignee = currentUser()"), Is.EqualTo(new[]
        {
            "Error in the JQL Query: The simulated Jira does not support the field 'assignee'; it supports project, issuekey (key, id, issue), issuetype (type), labels, created (createdDate), updated (updatedDate) and summary. (line 1, character 20)",
        }));

    [TestCase("project ~ ACME", "The operator '~' is not supported by the 'project' field. (line 1, character 9)")]
    [TestCase("summary = x", "The operator '=' is not supported by the 'summary' field. (line 1, character 9)")]
    [TestCase("labels > x", "The operator '>' is not supported by the 'labels' field. (line 1, character 8)")]
    [TestCase("created in (2024-05-01)", "The operator 'in' is not supported by the 'created' field. (line 1, character 9)")]
    [TestCase("project is EMPTY", "The operator 'is' is not supported by the 'project' field. (line 1, character 9)")]
    [TestCase("key is not EMPTY", "The operator 'is not' is not supported by the 'key' field. (line 1, character 5)")]
    public void UnsupportedOperator_IsRefusedNamingItAndWhere(string jql, string message) =>
        Assert.That(t.Errors(jql), Is.EqualTo(new[] { "Error in the JQL Query: " + message }));

    [Test]
    public void ListWithASingleValueOperator_IsRefused() =>
        Assert.That(t.Errors("project = (ACME, OPS)"), Is.EqualTo(new[]
        {
            "Error in the JQL Query: The operator '=' does not support the list value '(\"ACME\", \"OPS\")' for field 'project'. (line 1, character 11)",
        }));

    [TestCase("labels = currentUser()", "The simulated Jira does not support the function 'currentUser()' here; it supports only now() in created and updated. (line 1, character 10)")]
    [TestCase("updated > startOfDay(-1)", "The simulated Jira does not support the function 'startOfDay(-1)' here; it supports only now() in created and updated. (line 1, character 11)")]
    [TestCase("project in projectsWhereUserHasRole(x)", "The simulated Jira does not support the function 'projectsWhereUserHasRole(x)' here; it supports only now() in created and updated. (line 1, character 12)")]
    [TestCase("project = EMPTY", "The simulated Jira does not support EMPTY for the field 'project'. (line 1, character 11)")]
    [TestCase("updated = null", "The simulated Jira does not support EMPTY for the field 'updated'. (line 1, character 11)")]
    public void UnsupportedValue_IsRefusedNamingItAndWhere(string jql, string message) =>
        Assert.That(t.Errors(jql), Is.EqualTo(new[] { "Error in the JQL Query: " + message }));

    [Test]
    public void UnsupportedSortField_IsRefusedNamingItAndWhere() =>
        Assert.That(t.Errors("project = ACME ORDER BY rank"), Is.EqualTo(new[]
        {
            "Error in the JQL Query: Not able to sort using field 'rank': the simulated Jira sorts by key, id, created, updated and summary. (line 1, character 25)",
        }));

    [Test]
    public void SeveralProblems_AreReportedTogether() =>
        Assert.That(t.Errors("project = NOPE AND status = Done ORDER BY priority"), Has.Count.EqualTo(3));
}

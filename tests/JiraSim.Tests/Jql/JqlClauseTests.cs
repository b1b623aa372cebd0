namespace JiraSim.Tests.Jql;

/// <summary>Each supported clause, evaluated against a site (ACME-1 Task, ACME-2 Bug, ACME-3 Story, OPS-1 Incident).</summary>
public sealed class JqlClauseTests
{
    private JqlTestSite t = null!;

    [SetUp]
    public void CreateIssues()
    {
        t = new JqlTestSite();
        t.Add("ACME", "Task", "Printer on fire", "hardware", "Urgent");
        t.Add("ACME", "Bug", "Login fails", "software");
        t.Add("ACME", "Story", "Faster printer queue");
        t.Add("OPS", "Incident", "Datacenter flooded", "hardware");
    }

    private IReadOnlyList<string> Keys(string jql) => t.Keys(jql + " ORDER BY key");

    [TestCase("project = ACME")]
    [TestCase("project = acme")]
    [TestCase("project = 10000")]
    [TestCase("project = \"Acme Support\"")]
    [TestCase("PROJECT = 'ACME'")]
    public void Project_ByKeyIdOrName_MatchesItsIssues(string jql) =>
        Assert.That(Keys(jql), Is.EqualTo(new[] { "ACME-1", "ACME-2", "ACME-3" }));

    [Test]
    public void Project_InAndNotIn_MatchAnyAndNone()
    {
        Assert.That(Keys("project in (ACME, 10100)"), Is.EqualTo(new[] { "ACME-1", "ACME-2", "ACME-3", "OPS-1" }));
        Assert.That(Keys("project not in (ACME)"), Is.EqualTo(new[] { "OPS-1" }));
        Assert.That(Keys("project != OPS"), Is.EqualTo(new[] { "ACME-1", "ACME-2", "ACME-3" }));
    }

    [Test]
    public void Project_ThatDoesNotExist_IsRefusedWithJirasMessage() =>
        Assert.That(t.Errors("project in (ACME, NOPE) OR project = 'Nope Two'"),
            Is.EqualTo(new[] { "The value 'NOPE' does not exist for the field 'project'.", "The value 'Nope Two' does not exist for the field 'project'." }));

    [TestCase("key = ACME-2")]
    [TestCase("key = acme-2")]
    [TestCase("issuekey = ACME-2")]
    [TestCase("issue = ACME-2")]
    [TestCase("id = 10001")]
    [TestCase("key = 10001")]
    [TestCase("id = ACME-2")]
    public void IssueKey_ByKeyOrIdUnderAnyAlias_MatchesThatIssue(string jql) =>
        Assert.That(Keys(jql), Is.EqualTo(new[] { "ACME-2" }));

    [Test]
    public void IssueKey_InAndNotIn_MatchAnyAndNone()
    {
        Assert.That(Keys("key in (ACME-1, OPS-1)"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
        Assert.That(Keys("id in (10000, 10003, 99999)"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
        Assert.That(Keys("key not in (ACME-1, OPS-1)"), Is.EqualTo(new[] { "ACME-2", "ACME-3" }));
        Assert.That(Keys("key != ACME-1 AND project = ACME"), Is.EqualTo(new[] { "ACME-2", "ACME-3" }));
    }

    [Test]
    public void IssueKey_IdOfNoIssue_MatchesNothing() => Assert.That(Keys("id = 99999"), Is.Empty);

    [Test]
    public void IssueKey_KeyOfNoIssueOrMalformed_IsRefusedWithJirasMessages() =>
        Assert.That(t.Errors("key = ACME-99 OR key in (ACME-1, 'not a key')"),
            Is.EqualTo(new[] { "An issue with key 'ACME-99' does not exist for field 'key'.", "The issue key 'not a key' for field 'key' is invalid." }));

    [TestCase("issuetype = Bug")]
    [TestCase("issuetype = bug")]
    [TestCase("type = 10002")]
    [TestCase("issuetype in (Bug, Incident) AND project = ACME")]
    public void IssueType_ByNameOrId_MatchesIssuesOfThatType(string jql) =>
        Assert.That(Keys(jql), Is.EqualTo(new[] { "ACME-2" }));

    [Test]
    public void IssueType_NameSharedByProjects_MatchesInEach()
    {
        t.Add("OPS", "Task", "Rotate keys");
        Assert.That(Keys("issuetype = Task"), Is.EqualTo(new[] { "ACME-1", "OPS-2" }));
        Assert.That(Keys("issuetype != Task"), Is.EqualTo(new[] { "ACME-2", "ACME-3", "OPS-1" }));
        Assert.That(Keys("issuetype not in (Task, Bug)"), Is.EqualTo(new[] { "ACME-3", "OPS-1" }));
    }

    [Test]
    public void IssueType_ThatDoesNotExist_IsRefusedWithJirasMessage() =>
        Assert.That(t.Errors("type = Epic"), Is.EqualTo(new[] { "The value 'Epic' does not exist for the field 'type'." }));

    [Test]
    public void Labels_EqualsAndIn_MatchIgnoringCase()
    {
        Assert.That(Keys("labels = hardware"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
        Assert.That(Keys("labels = urgent"), Is.EqualTo(new[] { "ACME-1" }));
        Assert.That(Keys("labels in (software, URGENT)"), Is.EqualTo(new[] { "ACME-1", "ACME-2" }));
    }

    [Test]
    public void Labels_IsEmptyAndIsNotEmpty_MatchIssuesWithoutAndWithLabels()
    {
        Assert.That(Keys("labels is EMPTY"), Is.EqualTo(new[] { "ACME-3" }));
        Assert.That(Keys("labels = null"), Is.EqualTo(new[] { "ACME-3" }));
        Assert.That(Keys("labels is not empty"), Is.EqualTo(new[] { "ACME-1", "ACME-2", "OPS-1" }));
        Assert.That(Keys("labels in (software, EMPTY)"), Is.EqualTo(new[] { "ACME-2", "ACME-3" }));
    }

    [Test]
    public void Labels_NotEqualsAndNotIn_LeaveOutIssuesWithoutLabels()
    {
        Assert.That(Keys("labels != hardware"), Is.EqualTo(new[] { "ACME-2" }));
        Assert.That(Keys("labels not in (software)"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
        Assert.That(Keys("NOT labels = hardware"), Is.EqualTo(new[] { "ACME-2", "ACME-3" }));
    }

    [Test]
    public void Summary_Contains_MatchesTextIgnoringCase()
    {
        Assert.That(Keys("summary ~ printer"), Is.EqualTo(new[] { "ACME-1", "ACME-3" }));
        Assert.That(Keys("summary ~ \"ON FIRE\""), Is.EqualTo(new[] { "ACME-1" }));
        Assert.That(Keys("summary !~ printer"), Is.EqualTo(new[] { "ACME-2", "OPS-1" }));
    }

    [Test]
    public void AndOrNot_CombineClauses()
    {
        Assert.That(Keys("project = ACME AND labels = hardware OR issuetype = Incident"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
        Assert.That(Keys("project = ACME AND (labels = hardware OR issuetype = Incident)"), Is.EqualTo(new[] { "ACME-1" }));
        Assert.That(Keys("project = ACME AND NOT (labels = hardware OR issuetype = Bug)"), Is.EqualTo(new[] { "ACME-3" }));
    }
}

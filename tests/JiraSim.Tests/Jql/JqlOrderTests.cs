namespace JiraSim.Tests.Jql;

public sealed class JqlOrderTests
{
    private JqlTestSite t = null!;

    [SetUp]
    public void CreateSite() => t = new JqlTestSite();

    [Test]
    public void OrderByKey_SortsByProjectThenNumber()
    {
        t.Add("OPS");
        for (var i = 0; i < 10; i++)
            t.Add("ACME");
        Assert.That(t.Keys("project in (ACME, OPS) ORDER BY key"),
            Is.EqualTo(new[] { "ACME-1", "ACME-2", "ACME-3", "ACME-4", "ACME-5", "ACME-6", "ACME-7", "ACME-8", "ACME-9", "ACME-10", "OPS-1" }));
        Assert.That(t.Keys("project in (ACME, OPS) ORDER BY issuekey DESC").Take(3), Is.EqualTo(new[] { "OPS-1", "ACME-10", "ACME-9" }));
    }

    [Test]
    public void OrderById_SortsNumerically()
    {
        t.Add("OPS");
        t.Add("ACME");
        Assert.That(t.Keys("project in (ACME, OPS) order by id"), Is.EqualTo(new[] { "OPS-1", "ACME-1" }));
        Assert.That(t.Keys("project in (ACME, OPS) order by id desc"), Is.EqualTo(new[] { "ACME-1", "OPS-1" }));
    }

    [Test]
    public void OrderByCreatedOrUpdated_SortsByTimeThenId()
    {
        var first = t.Add(summary: "first");
        t.Add(summary: "second");
        t.Site.EditIssue(t.Site.Users[0], first, summary: "first, edited");
        Assert.That(t.Keys("project = ACME ORDER BY created"), Is.EqualTo(new[] { "ACME-1", "ACME-2" }));
        Assert.That(t.Keys("project = ACME ORDER BY created DESC"), Is.EqualTo(new[] { "ACME-2", "ACME-1" }));
        Assert.That(t.Keys("project = ACME ORDER BY updatedDate ASC"), Is.EqualTo(new[] { "ACME-2", "ACME-1" }));
    }

    [Test]
    public void OrderBySummary_IgnoresCase()
    {
        t.Add(summary: "banana");
        t.Add(summary: "Apple");
        t.Add(summary: "cherry");
        Assert.That(t.Keys("project = ACME ORDER BY summary"), Is.EqualTo(new[] { "ACME-2", "ACME-1", "ACME-3" }));
    }

    [Test]
    public void SeveralSortItems_BreakTiesInTurn()
    {
        t.Add(summary: "same");
        t.Add(summary: "other");
        t.Add(summary: "same");
        Assert.That(t.Keys("project = ACME ORDER BY summary DESC, created DESC"), Is.EqualTo(new[] { "ACME-3", "ACME-1", "ACME-2" }));
    }

    [Test]
    public void EqualSortValues_AreOrderedById()
    {
        // Without the clock moving, all three are created in the same instant.
        var project = t.Site.FindProject("ACME")!;
        for (var i = 0; i < 3; i++)
            t.Site.CreateIssue(t.Site.Users[0], project, project.IssueTypes[0], "same", null);
        Assert.That(t.Keys("project = ACME ORDER BY created"), Is.EqualTo(new[] { "ACME-1", "ACME-2", "ACME-3" }));
        Assert.That(t.Keys("project = ACME ORDER BY created DESC"), Is.EqualTo(new[] { "ACME-3", "ACME-2", "ACME-1" }));
    }

    [Test]
    public void NoOrderBy_IsNewestCreatedFirst()
    {
        t.Add("ACME");
        t.Add("OPS");
        t.Add("ACME");
        Assert.That(t.Keys("project in (ACME, OPS)"), Is.EqualTo(new[] { "ACME-2", "OPS-1", "ACME-1" }));
    }
}

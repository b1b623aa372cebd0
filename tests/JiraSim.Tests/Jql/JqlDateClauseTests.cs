namespace JiraSim.Tests.Jql;

/// <summary>created and updated clauses: ACME-1, -2, -3 are created at 12:00, 12:01 and 12:02 UTC on 2024-05-01; ACME-1 is updated at 12:30.</summary>
public sealed class JqlDateClauseTests
{
    private JqlTestSite t = null!;

    [SetUp]
    public void CreateIssues()
    {
        t = new JqlTestSite();
        var first = t.Add(summary: "one");
        t.Add(summary: "two");
        t.Add(summary: "three");
        t.Clock.Advance(TimeSpan.FromMinutes(27));
        t.Site.EditIssue(t.Site.Users[0], first, summary: "one, edited");
    }

    private IReadOnlyList<string> Keys(string jql) => t.Keys(jql + " ORDER BY key");

    [TestCase("created > \"2024-05-01 12:00\"", new[] { "ACME-2", "ACME-3" })]
    [TestCase("created >= '2024-05-01 12:01'", new[] { "ACME-2", "ACME-3" })]
    [TestCase("created < \"2024/05/01 12:01\"", new[] { "ACME-1" })]
    [TestCase("created <= \"2024/05/01 12:01\"", new[] { "ACME-1", "ACME-2" })]
    [TestCase("created = \"2024-05-01 12:01\"", new[] { "ACME-2" })]
    [TestCase("created != \"2024-05-01 12:01\"", new[] { "ACME-1", "ACME-3" })]
    [TestCase("createdDate = 2024-05-01", new[] { "ACME-1", "ACME-2", "ACME-3" })]
    [TestCase("created < 2024-05-01", new string[0])]
    [TestCase("created >= 2024/05/01", new[] { "ACME-1", "ACME-2", "ACME-3" })]
    [TestCase("updated > \"2024-05-01 12:02\"", new[] { "ACME-1" })]
    [TestCase("updatedDate <= \"2024-05-01 12:02\"", new[] { "ACME-2", "ACME-3" })]
    public void AbsoluteDates_AreReadInUtc(string jql, string[] keys) => Assert.That(Keys(jql), Is.EqualTo(keys));

    [TestCase("updated >= -5m", new[] { "ACME-1" })]
    [TestCase("updated > \"-29m\"", new[] { "ACME-1", "ACME-3" })]
    [TestCase("created < -1h", new string[0])]
    [TestCase("created > -1h", new[] { "ACME-1", "ACME-2", "ACME-3" })]
    [TestCase("created < \"-1w 2d\"", new string[0])]
    [TestCase("updated < -1d", new string[0])]
    public void RelativeDates_CountBackFromTheSitesClock(string jql, string[] keys) => Assert.That(Keys(jql), Is.EqualTo(keys));

    [Test]
    public void RelativeDates_MoveWithTheClock()
    {
        Assert.That(Keys("updated >= -5m"), Is.EqualTo(new[] { "ACME-1" }));
        t.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That(Keys("updated >= -5m"), Is.Empty);
        Assert.That(Keys("updated >= -2w"), Has.Count.EqualTo(3));
    }

    [Test]
    public void Now_IsTheSitesClock()
    {
        Assert.That(Keys("updated <= now()"), Has.Count.EqualTo(3));
        Assert.That(Keys("updated > now()"), Is.Empty);
    }

    [Test]
    public void InvalidDate_IsRefusedWithJirasMessage() =>
        Assert.That(t.Errors("updated > yesterday"), Is.EqualTo(new[]
        {
            "Date value 'yesterday' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
        }));
}

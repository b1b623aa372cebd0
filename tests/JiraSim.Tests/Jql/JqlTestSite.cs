using JiraSim.Jql;
using JiraSim.Model;
using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Jql;

/// <summary>
/// A site with two projects (ACME "Acme Support": Task, Bug, Story; OPS "Operations": Task, Incident) on a clock
/// that moves only when told, and helpers that run JQL against it the way the search endpoint does.
/// </summary>
public sealed class JqlTestSite
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public JqlTestSite()
    {
        Site = SiteBuilder.Build(new SeedSite("jql", "JQL", [new SeedUser("557058:t-admin", "Tess Admin", "admin@t.example", Admin: true)],
        [
            new SeedProject("10000", "ACME", "Acme Support", [new("10001", "Task"), new("10002", "Bug"), new("10003", "Story")]),
            new SeedProject("10100", "OPS", "Operations", [new("10101", "Task"), new("10102", "Incident")]),
        ]), new Uri("http://sim.test/"), Clock);
    }

    public ManualClock Clock { get; } = new(Start);
    public SimSite Site { get; }

    /// <summary>Creates an issue now, then moves the clock on a minute so that issues differ in created time.</summary>
    public SimIssue Add(string project = "ACME", string type = "Task", string summary = "An issue", params string[] labels)
    {
        var p = Site.FindProject(project)!;
        var issue = Site.CreateIssue(Site.Users[0], p, p.IssueTypes.First(t => t.Name == type), summary, null, labels);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return issue;
    }

    /// <summary>The keys of the matching issues, in the query's order.</summary>
    public IReadOnlyList<string> Keys(string jql)
    {
        Assert.That(JqlParser.TryParse(jql, out var query, out var syntax), Is.True, () => string.Join("; ", syntax!.Messages));
        Assert.That(JqlBinder.TryBind(Site, jql, query!, out var search, out var error), Is.True, () => string.Join("; ", error!.Messages));
        return search!.Run(Site).Select(i => i.Key).ToList();
    }

    /// <summary>The messages a query is refused with, by the parser or, when it parses, by binding it to the site.</summary>
    public IReadOnlyList<string> Errors(string jql)
    {
        if (!JqlParser.TryParse(jql, out var query, out var syntax))
            return syntax.Messages;
        Assert.That(JqlBinder.TryBind(Site, jql, query, out _, out var error), Is.False, $"'{jql}' was accepted.");
        return error!.Messages;
    }
}

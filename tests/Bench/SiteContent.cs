using System.Text.Json.Nodes;
using JiraSim.Model;

namespace ConnectAddon.Bench;

/// <summary>
/// People's work on a simulated site, done through the simulator's model (as SyncPair does in the end-to-end tests):
/// each change fires the webhooks Jira would fire, and is found by the private node's JQL polls like any other.
/// </summary>
public static class SiteContent
{
    public static SimIssue CreateIssue(SimSite site, SimUser person, string projectKey, string summary, string[]? labels = null)
    {
        SimProject project;
        lock (site.Sync)
            project = site.FindProject(projectKey) ?? throw new BenchmarkFailedException($"{site.Key} has no project {projectKey}.");
        return site.CreateIssue(person, project, project.IssueTypes.Single(t => t.Name == "Task"), summary, Adf("About " + summary), labels);
    }

    /// <summary>The issues of <paramref name="site"/> by summary, read under its lock (summaries are unique within a run).</summary>
    public static Dictionary<string, List<SimIssue>> BySummary(SimSite site)
    {
        lock (site.Sync)
            return site.Issues.Values.GroupBy(i => i.Summary, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>One paragraph of text in Atlassian Document Format, as descriptions and comments are on Jira Cloud.</summary>
    public static JsonObject Adf(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) }),
    };
}

using JiraSim.Model;

namespace JiraSim.Jql;

/// <summary>A query bound to one site: which issues match, and in what order.</summary>
public sealed record JqlSearch(Func<SimIssue, bool> Matches, JqlIssueOrder Order)
{
    /// <summary>The matching issues of the site, in order, after the given sort key if any. Call under the site's lock.</summary>
    public IEnumerable<SimIssue> Run(SimSite site, IReadOnlyList<object>? after = null) =>
        site.Issues.Values
            .Where(Matches)
            .Select(issue => (Issue: issue, Key: Order.Key(issue)))
            .Where(x => after is null || Order.Compare(x.Key, after) > 0)
            .OrderBy(x => x.Key, Comparer<IReadOnlyList<object>>.Create(Order.Compare))
            .Select(x => x.Issue);
}

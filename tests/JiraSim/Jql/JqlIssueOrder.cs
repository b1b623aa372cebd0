using JiraSim.Model;

namespace JiraSim.Jql;

/// <summary>
/// The order of search results as a sort key per issue: the ORDER BY items, then the issue id as the last item so
/// that no two issues tie and pages cut the list at stable places. A page token stores the key of the last issue
/// of its page (keyset paging), so issues created or edited between pages do not shift the rest.
/// Key components are strings or longs.
/// </summary>
public sealed class JqlIssueOrder
{
    private readonly IReadOnlyList<(JqlSortField Field, bool Descending)> items;

    public JqlIssueOrder(IReadOnlyList<(JqlSortField Field, bool Descending)> items) =>
        this.items = items.Any(i => i.Field == JqlSortField.Id) ? items : [.. items, (JqlSortField.Id, items.Count > 0 && items[0].Descending)];

    /// <summary>
    /// Atlassian documents no order for a query without ORDER BY. Jira Cloud's issue search shows newest first
    /// ("ORDER BY created DESC"), so the simulator answers newest first too, ties broken by id, newest first.
    /// </summary>
    public static JqlIssueOrder Default { get; } = new([(JqlSortField.Created, true), (JqlSortField.Id, true)]);

    public IReadOnlyList<object> Key(SimIssue issue)
    {
        var key = new List<object>();
        foreach (var (field, _) in items)
        {
            switch (field)
            {
                case JqlSortField.Key:
                    var dash = issue.Key.LastIndexOf('-');
                    key.Add(issue.Key[..dash].ToUpperInvariant());
                    key.Add(long.Parse(issue.Key[(dash + 1)..]));
                    break;
                case JqlSortField.Id: key.Add(long.Parse(issue.Id)); break;
                case JqlSortField.Created: key.Add(issue.Created.UtcTicks); break;
                case JqlSortField.Updated: key.Add(issue.Updated.UtcTicks); break;
                case JqlSortField.Summary: key.Add(issue.Summary); break;
            }
        }
        return key;
    }

    /// <summary>Whether a key read back from a page token has this order's shape.</summary>
    public bool Fits(IReadOnlyList<object> key)
    {
        var expected = items.SelectMany(i => i.Field switch
        {
            JqlSortField.Key => new[] { typeof(string), typeof(long) },
            JqlSortField.Summary => [typeof(string)],
            _ => [typeof(long)],
        }).ToList();
        return key.Count == expected.Count && key.Zip(expected).All(p => p.First.GetType() == p.Second);
    }

    public int Compare(IReadOnlyList<object> a, IReadOnlyList<object> b)
    {
        var component = 0;
        foreach (var (field, descending) in items)
        {
            for (var n = field == JqlSortField.Key ? 2 : 1; n > 0; n--, component++)
            {
                var result = (a[component], b[component]) switch
                {
                    (string x, string y) => field == JqlSortField.Summary
                        ? StringComparer.OrdinalIgnoreCase.Compare(x, y) is var c and not 0 ? c : string.CompareOrdinal(x, y)
                        : string.CompareOrdinal(x, y),
                    (long x, long y) => x.CompareTo(y),
                    _ => throw new InvalidOperationException("Sort keys of different shapes."),
                };
                if (result != 0)
                    return descending ? -result : result;
            }
        }
        return 0;
    }
}

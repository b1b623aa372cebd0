namespace JiraSim.Jql;

/// <summary>
/// What the simulator supports of "JQL: fields": names and aliases (case-insensitive), the operators each field
/// takes, and the fields it can sort by. Anything else is refused with a 400 that names it, never ignored.
/// </summary>
public static class JqlFields
{
    public const string Supported = "project, issuekey (key, id, issue), issuetype (type), labels, created (createdDate), updated (updatedDate) and summary";
    public const string Sortable = "key, id, created, updated and summary";

    private static readonly Dictionary<string, JqlField> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["project"] = JqlField.Project,
        ["issuekey"] = JqlField.IssueKey, ["key"] = JqlField.IssueKey, ["id"] = JqlField.IssueKey, ["issue"] = JqlField.IssueKey,
        ["issuetype"] = JqlField.IssueType, ["type"] = JqlField.IssueType,
        ["labels"] = JqlField.Labels,
        ["created"] = JqlField.Created, ["createddate"] = JqlField.Created,
        ["updated"] = JqlField.Updated, ["updateddate"] = JqlField.Updated,
        ["summary"] = JqlField.Summary,
    };

    private static readonly Dictionary<string, JqlSortField> SortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["key"] = JqlSortField.Key, ["issuekey"] = JqlSortField.Key,
        ["id"] = JqlSortField.Id,
        ["created"] = JqlSortField.Created, ["createddate"] = JqlSortField.Created,
        ["updated"] = JqlSortField.Updated, ["updateddate"] = JqlSortField.Updated,
        ["summary"] = JqlSortField.Summary,
    };

    private static readonly JqlOperator[] Equality = [JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn];

    public static JqlField? Find(string name) => Names.TryGetValue(name, out var field) ? field : null;

    public static JqlSortField? FindSortable(string name) => SortNames.TryGetValue(name, out var field) ? field : null;

    public static IReadOnlyList<JqlOperator> Operators(JqlField field) => field switch
    {
        JqlField.Labels => [.. Equality, JqlOperator.Is, JqlOperator.IsNot],
        JqlField.Created or JqlField.Updated =>
            [JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.LessThan, JqlOperator.LessThanOrEquals, JqlOperator.GreaterThan, JqlOperator.GreaterThanOrEquals],
        JqlField.Summary => [JqlOperator.Contains, JqlOperator.NotContains],
        _ => Equality,
    };
}

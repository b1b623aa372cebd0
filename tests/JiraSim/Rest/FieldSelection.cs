namespace JiraSim.Rest;

/// <summary>
/// The <c>fields</c> parameter of issue reads: a comma list of field ids, <c>*all</c>, <c>*navigable</c>, and
/// <c>-field</c> to leave one out (Jira REST v3 "Get issue").
/// </summary>
public sealed class FieldSelection
{
    public static readonly string[] AllFields = ["summary", "description", "issuetype", "project", "labels", "reporter", "creator", "created", "updated", "status", "parent", "comment", "attachment"];
    private static readonly string[] Navigable = ["summary", "issuetype", "project", "labels", "reporter", "creator", "created", "updated", "status", "parent"];
    private readonly HashSet<string> included;

    private FieldSelection(HashSet<string> included) => this.included = included;

    public bool Includes(string field) => included.Contains(field);
    public bool IsEmpty => included.Count == 0;

    public static FieldSelection Parse(IEnumerable<string?> values, bool allByDefault)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var included = new HashSet<string>(StringComparer.Ordinal);
        if (items.Count == 0 && allByDefault)
            included.UnionWith(AllFields);
        foreach (var item in items)
        {
            if (item == "*all") included.UnionWith(AllFields);
            else if (item == "*navigable") included.UnionWith(Navigable);
            else if (!item.StartsWith('-')) included.Add(item);
        }
        foreach (var item in items.Where(i => i.StartsWith('-')))
            included.Remove(item[1..]);
        return new FieldSelection(included);
    }
}

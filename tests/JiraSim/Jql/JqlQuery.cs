namespace JiraSim.Jql;

/// <summary>A parsed query: its restriction (null when it has none, i.e. it is unbounded) and its ORDER BY items.</summary>
public sealed record JqlQuery(JqlClause? Where, IReadOnlyList<JqlSort> OrderBy)
{
    public override string ToString() =>
        string.Join(" ", new[] { Where?.ToString(), OrderBy.Count > 0 ? "ORDER BY " + string.Join(", ", OrderBy) : null }.Where(p => p is not null));
}

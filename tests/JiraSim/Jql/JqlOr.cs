namespace JiraSim.Jql;

public sealed record JqlOr(IReadOnlyList<JqlClause> Clauses, int Position) : JqlClause(Position)
{
    public override string ToString() => $"({string.Join(" OR ", Clauses)})";
}

namespace JiraSim.Jql;

public sealed record JqlAnd(IReadOnlyList<JqlClause> Clauses, int Position) : JqlClause(Position)
{
    public override string ToString() => $"({string.Join(" AND ", Clauses)})";
}

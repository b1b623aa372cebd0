namespace JiraSim.Jql;

public sealed record JqlNot(JqlClause Clause, int Position) : JqlClause(Position)
{
    public override string ToString() => $"NOT {Clause}";
}

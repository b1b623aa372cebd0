namespace JiraSim.Jql;

/// <summary>One clause: <c>field operator operand</c>, e.g. <c>project in (A, B)</c>. Field names keep the case they were written in.</summary>
public sealed record JqlTerm(string Field, int Position, JqlOperator Operator, int OperatorPosition, JqlOperand Operand) : JqlClause(Position)
{
    public override string ToString() => $"{Field} {Operator.Text()} {Operand}";
}

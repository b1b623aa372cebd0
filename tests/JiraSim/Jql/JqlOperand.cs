namespace JiraSim.Jql;

/// <summary>The right-hand side of a clause: one value, or a parenthesised list for <c>in</c> and <c>not in</c>.</summary>
public sealed record JqlOperand(IReadOnlyList<JqlValue> Values, bool IsList, int Position)
{
    public override string ToString() => IsList ? $"({string.Join(", ", Values)})" : Values[0].ToString();
}

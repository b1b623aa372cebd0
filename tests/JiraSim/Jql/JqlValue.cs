namespace JiraSim.Jql;

/// <summary>One value of an operand: a literal, EMPTY, or a function call with its literal arguments.</summary>
public sealed record JqlValue(JqlValueKind Kind, string Text, int Position, IReadOnlyList<string>? Arguments = null)
{
    public override string ToString() => Kind switch
    {
        JqlValueKind.Empty => "EMPTY",
        JqlValueKind.Function => $"{Text}({string.Join(", ", Arguments ?? [])})",
        _ => $"\"{Text.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"",
    };
}

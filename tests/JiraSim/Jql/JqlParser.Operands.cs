namespace JiraSim.Jql;

/// <summary>The right-hand side of a clause: one value, a list in parentheses, EMPTY, or a function call.</summary>
public sealed partial class JqlParser
{
    private JqlOperand Operand(JqlOperator op, JqlToken opToken)
    {
        var start = Peek;
        if (op is JqlOperator.Is or JqlOperator.IsNot && !(start.Is("empty") || start.Is("null")))
            throw Fail(start, $"Expecting 'EMPTY' or 'NULL' after '{op.Text()}' but got {start.Describe()}.");
        if (start.Kind != JqlTokenKind.OpenParen)
        {
            if (op is JqlOperator.In or JqlOperator.NotIn && !(start.Kind == JqlTokenKind.Word && tokens[index + 1].Kind == JqlTokenKind.OpenParen))
                throw Fail(start, $"Expecting a list of values in parentheses after '{op.Text()}' but got {start.Describe()}.");
            return new JqlOperand([Value()], false, start.Position);
        }
        Next();
        var values = new List<JqlValue> { Value() };
        while (Peek.Kind == JqlTokenKind.Comma)
        {
            Next();
            values.Add(Value());
        }
        if (Peek.Kind != JqlTokenKind.CloseParen)
            throw Fail(Peek, $"Expecting either ',' or ')' in the list of values but got {Peek.Describe()}.");
        Next();
        return new JqlOperand(values, true, start.Position);
    }

    private JqlValue Value()
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.String)
            return new JqlValue(JqlValueKind.Literal, Next().Text, token.Position);
        if (token.Kind != JqlTokenKind.Word)
            throw Fail(token, $"Expecting either a value, list or function but got {token.Describe()}.");
        if (token.Is("empty") || token.Is("null"))
            return new JqlValue(JqlValueKind.Empty, Next().Text, token.Position);
        if (Reserved.Contains(token.Text))
            throw Fail(token, $"Expecting either a value, list or function but got {token.Describe()}. You must surround '{token.Text}' in quotation marks to use it as a value.");
        Next();
        if (Peek.Kind != JqlTokenKind.OpenParen)
            return new JqlValue(JqlValueKind.Literal, token.Text, token.Position);
        Next();
        var arguments = new List<string>();
        while (Peek.Kind != JqlTokenKind.CloseParen)
        {
            if (arguments.Count > 0 && Next().Kind != JqlTokenKind.Comma)
                throw Fail(tokens[index - 1], $"Expecting either ',' or ')' in the arguments of '{token.Text}' but got {tokens[index - 1].Describe()}.");
            if (Peek.Kind is not (JqlTokenKind.Word or JqlTokenKind.String))
                throw Fail(Peek, $"Expecting an argument of '{token.Text}' but got {Peek.Describe()}.");
            arguments.Add(Next().Text);
        }
        Next();
        return new JqlValue(JqlValueKind.Function, token.Text, token.Position, arguments);
    }
}

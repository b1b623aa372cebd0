namespace JiraSim.Jql;

public static class JqlOperators
{
    /// <summary>How Jira writes the operator in messages ("The operator 'in' is not supported by the 'summary' field.").</summary>
    public static string Text(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => "=",
        JqlOperator.NotEquals => "!=",
        JqlOperator.LessThan => "<",
        JqlOperator.LessThanOrEquals => "<=",
        JqlOperator.GreaterThan => ">",
        JqlOperator.GreaterThanOrEquals => ">=",
        JqlOperator.Contains => "~",
        JqlOperator.NotContains => "!~",
        JqlOperator.In => "in",
        JqlOperator.NotIn => "not in",
        JqlOperator.Is => "is",
        JqlOperator.IsNot => "is not",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static JqlOperator? FromSymbol(string symbol) => symbol switch
    {
        "=" => JqlOperator.Equals,
        "!=" => JqlOperator.NotEquals,
        "<" => JqlOperator.LessThan,
        "<=" => JqlOperator.LessThanOrEquals,
        ">" => JqlOperator.GreaterThan,
        ">=" => JqlOperator.GreaterThanOrEquals,
        "~" => JqlOperator.Contains,
        "!~" => JqlOperator.NotContains,
        _ => null,
    };
}

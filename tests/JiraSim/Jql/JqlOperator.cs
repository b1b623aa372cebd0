namespace JiraSim.Jql;

/// <summary>The operators of "JQL: operators".</summary>
public enum JqlOperator
{
    Equals,
    NotEquals,
    LessThan,
    LessThanOrEquals,
    GreaterThan,
    GreaterThanOrEquals,
    Contains,
    NotContains,
    In,
    NotIn,
    Is,
    IsNot,
}

namespace JiraSim.Jql;

public enum JqlValueKind
{
    /// <summary>A word or quoted string.</summary>
    Literal,
    /// <summary>The unquoted keyword EMPTY or NULL.</summary>
    Empty,
    /// <summary>A function call such as <c>now()</c>; <see cref="JqlValue.Text"/> is its name.</summary>
    Function,
}

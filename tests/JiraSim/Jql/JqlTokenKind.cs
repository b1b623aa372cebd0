namespace JiraSim.Jql;

public enum JqlTokenKind
{
    /// <summary>An unquoted word: a field name, a value, or a keyword (AND, OR, NOT, IN, IS, EMPTY, ORDER, BY…).</summary>
    Word,
    /// <summary>A "double" or 'single' quoted string, escapes resolved; never a keyword.</summary>
    String,
    /// <summary>=, !=, &lt;, &lt;=, &gt;, &gt;=, ~, !~.</summary>
    Operator,
    /// <summary>&amp;&amp; or &amp;: JQL's symbol for AND.</summary>
    And,
    /// <summary>|| or |: JQL's symbol for OR.</summary>
    Or,
    /// <summary>! alone: JQL's symbol for NOT.</summary>
    Not,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

namespace JiraSim.Jql;

/// <param name="Position">Offset of the token's first character in the query text.</param>
public readonly record struct JqlToken(JqlTokenKind Kind, string Text, int Position)
{
    /// <summary>An unquoted word that is the given keyword, in any case ("JQL: keywords" are case-insensitive).</summary>
    public bool Is(string keyword) => Kind == JqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How an error message quotes it: the word or operator, or "the end of the query".</summary>
    public string Describe() => Kind == JqlTokenKind.End ? "the end of the query" : $"'{Text}'";
}

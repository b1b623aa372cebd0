namespace JiraSim.Jql;

/// <summary>Unwinds the recursive-descent parser at the first syntax error; <see cref="JqlParser.TryParse"/> turns it into a <see cref="JqlError"/>.</summary>
internal sealed class JqlSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}

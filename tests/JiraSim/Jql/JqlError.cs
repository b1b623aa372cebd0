namespace JiraSim.Jql;

/// <summary>
/// Why a query cannot run: one or more messages for Jira's 400 body, <c>{"errorMessages":[…],"errors":{}}</c>.
/// Syntax and "not supported here" messages say where, as Jira does: "Error in the JQL Query: … (line 1, character 9)".
/// </summary>
public sealed record JqlError(IReadOnlyList<string> Messages)
{
    public static JqlError At(string query, int position, string message) => new([Message(query, position, message)]);

    public static string Message(string query, int position, string message) => $"Error in the JQL Query: {message} {Where(query, position)}";

    /// <summary>"(line L, character C)", both from 1, as Jira writes positions in JQL errors.</summary>
    public static string Where(string query, int position)
    {
        position = Math.Clamp(position, 0, query.Length);
        var line = 1 + query.AsSpan(0, position).Count('\n');
        var lineStart = query.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        if (position == 0)
            lineStart = 0;
        return $"(line {line}, character {position - lineStart + 1})";
    }
}

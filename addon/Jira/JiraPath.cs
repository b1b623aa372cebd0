using System.Text;

namespace ConnectAddon.Jira;

/// <summary>Builds the relative path and query of REST v3 requests, escaping every caller-supplied part.</summary>
internal static class JiraPath
{
    /// <summary>One path segment (an issue key, a comment id, a property key), percent-encoded.</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        // "." and ".." would be removed by URL normalisation and address another resource; no Jira id or key is one.
        if (value is "." or "..")
            throw new ArgumentException($"'{value}' is not a Jira id, key or property key.", nameof(value));
        return Uri.EscapeDataString(value);
    }

    /// <summary>"?a=1&amp;b=x%20y" from the parameters that have a value; "" when none has.</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
                continue;
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    /// <summary>A comma-separated list parameter (fields, expand, properties), or null when empty.</summary>
    public static string? List(IReadOnlyCollection<string>? values) => values is { Count: > 0 } ? string.Join(',', values) : null;

    public static string Boolean(bool value) => value ? "true" : "false";
}

using System.Text.RegularExpressions;
using ConnectAddon.Hosting;

namespace ConnectAddon.Jira;

/// <summary>
/// What a Jira id or key looks like, checked where a client hands one in (a route value, a body field), so that bad
/// input is a 400 naming the field and never reaches <see cref="JiraPath"/>, which refuses "." and ".." by throwing.
/// Ids are digits. Keys follow Jira's project key rule: a letter, then letters, digits or underscores ("Project keys",
/// Jira administration: the pattern is configurable, uppercase by default); an issue key is a project key, "-" and a
/// number. Lowercase is accepted because Jira's REST API matches keys without regard to case.
/// </summary>
public static partial class JiraRefs
{
    public const int MaxLength = 255;

    /// <summary>An issue id (<c>10042</c>) or key (<c>ACME-7</c>), trimmed; 400 <c>bad_issue</c> naming <paramref name="field"/> otherwise.</summary>
    public static Result<string> IssueIdOrKey(string? value, string field) =>
        Check(value, IssuePattern(), field, "bad_issue", "a Jira issue id (digits) or key (such as ACME-7)");

    /// <summary>A project id (<c>10000</c>) or key (<c>ACME</c>), trimmed; 400 <c>bad_project</c> naming <paramref name="field"/> otherwise.</summary>
    public static Result<string> ProjectIdOrKey(string? value, string field) =>
        Check(value, ProjectPattern(), field, "bad_project", "a Jira project id (digits) or key (a letter, then letters, digits or _)");

    private static Result<string> Check(string? value, Regex pattern, string field, string code, string expected)
    {
        var text = value?.Trim() ?? "";
        if (text.Length is > 0 and <= MaxLength && pattern.IsMatch(text))
            return text;
        var shown = text.Length <= 40 ? text : text[..40] + "…";
        return new ApiError(StatusCodes.Status400BadRequest, code, $"'{field}' must be {expected}; '{shown}' is not.");
    }

    [GeneratedRegex(@"^(?:[0-9]{1,18}|[A-Za-z][A-Za-z0-9_]*-[0-9]{1,18})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IssuePattern();

    [GeneratedRegex(@"^(?:[0-9]{1,18}|[A-Za-z][A-Za-z0-9_]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPattern();
}

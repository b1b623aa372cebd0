using System.Text.RegularExpressions;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// A webhook's URL with its context parameters filled in ("Connect modules: Webhook", "Context parameters"):
/// <c>{issue.id}</c>, <c>{issue.key}</c>, <c>{project.id}</c>, <c>{project.key}</c>, <c>{comment.id}</c>,
/// <c>{attachment.id}</c> and <c>{user.accountId}</c>, URL-encoded. A parameter that does not apply to the event,
/// or that the simulator does not know, becomes empty, as Jira leaves unknown context empty.
/// </summary>
public static partial class WebhookUrl
{
    public static string Resolve(string template, SimSite site, SiteChange change)
    {
        var project = site.FindProject(change.Issue.ProjectId);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["issue.id"] = change.Issue.Id,
            ["issue.key"] = change.Issue.Key,
            ["project.id"] = project?.Id,
            ["project.key"] = project?.Key,
            ["comment.id"] = change.Comment?.Id,
            ["attachment.id"] = change.Attachment?.Id,
            ["user.accountId"] = change.Actor.AccountId,
        };
        return Parameter().Replace(template, m => Uri.EscapeDataString(values.GetValueOrDefault(m.Groups[1].Value) ?? ""));
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)\}")]
    private static partial Regex Parameter();
}

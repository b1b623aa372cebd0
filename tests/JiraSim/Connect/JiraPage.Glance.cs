using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraSim.Model;

namespace JiraSim.Connect;

// Issue glances ("Connect: Issue Glance", module jiraIssueGlances): Jira shows the glance's label in the issue view's
// right-hand column and, when it is clicked, opens its panel there, an iframe of target.url with the issue's context
// parameters substituted ("Context parameters": {issue.id}, {issue.key}, {issuetype.id}, {project.id},
// {project.key}; one that the context lacks becomes empty). The host page shows the panel already open.
public static partial class JiraPage
{
    /// <summary>The issue glance of that key in the descriptor: its name, its label and its panel's URL.</summary>
    public static (string Name, string Label, string Url)? FindGlance(JsonObject descriptor, string moduleKey)
    {
        foreach (var module in (descriptor["modules"]?["jiraIssueGlances"] as JsonArray) ?? [])
            if (module?["key"]?.GetValue<string>() == moduleKey && module["target"]?["url"]?.GetValue<string>() is { } url)
            {
                var name = module["name"]?["value"]?.GetValue<string>() ?? moduleKey;
                return (name, module["content"]?["label"]?["value"]?.GetValue<string>() ?? name, url);
            }
        return null;
    }

    /// <summary>The context parameters an issue glance gets. Call under the site's lock.</summary>
    public static IReadOnlyDictionary<string, string> IssueContext(SimSite site, SimIssue issue)
    {
        var project = site.FindProject(issue.ProjectId);
        return new Dictionary<string, string>
        {
            ["issue.id"] = issue.Id,
            ["issue.key"] = issue.Key,
            ["issuetype.id"] = issue.IssueTypeId,
            ["project.id"] = issue.ProjectId,
            ["project.key"] = project?.Key ?? "",
        };
    }

    /// <summary>The module URL with each <c>{name}</c> replaced by its URL-encoded context value, or by nothing.</summary>
    public static string WithContext(string moduleUrl, IReadOnlyDictionary<string, string> context) =>
        ContextVariable().Replace(moduleUrl, m => context.TryGetValue(m.Groups[1].Value, out var value) ? Uri.EscapeDataString(value) : "");

    public static string GlanceHtml(SimSite site, SimApp app, (string Name, string Label) glance, SimIssue issue, string projectName,
        Uri frameUrl, SimUser user, IEnumerable<SimUser> people, string tokenUrl) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>[{{E(issue.Key)}}] {{E(issue.Summary)}} - {{E(site.Key)}} - Jira (simulated)</title>
          <style>
            {{HostStyles}}
            .issue{display:flex;gap:32px;padding:16px 24px;align-items:flex-start}
            .issue-main{flex:1;min-width:0}
            .issue-main h1{font-size:24px;line-height:28px;font-weight:500;margin:8px 0 24px}
            .issue-main h2{font-size:14px;font-weight:600;margin:0 0 8px}
            .issue-main p{margin:0 0 8px;color:#172B4D;line-height:20px}
            .issue-side{flex:none;width:400px}
            .status{display:inline-block;padding:0 12px;height:32px;line-height:32px;border-radius:3px;background:rgba(9,30,66,0.04);font-weight:500;margin-bottom:16px}
            .glance{border:1px solid #DFE1E6;border-radius:3px}
            .glance-head{display:flex;align-items:center;gap:8px;padding:12px 16px;border-bottom:1px solid #DFE1E6;font-weight:600}
            .glance-head span{color:#6B778C;font-weight:400}
            iframe{display:block;width:100%;height:520px;border:0}
          </style>
        </head>
        <body>
          {{Header(site, user, people, new Dictionary<string, string> { ["issue"] = issue.Key })}}
          <nav>Projects / {{E(projectName)}} / {{E(issue.Key)}}</nav>
          <div class="issue">
            <section class="issue-main">
              <h1 id="issue-summary">{{E(issue.Summary)}}</h1>
              <h2>Description</h2>
              <p>{{E(PlainText(issue.Description))}}</p>
            </section>
            <aside class="issue-side">
              <div class="status">To Do</div>
              <div class="glance">
                <div class="glance-head">{{E(glance.Name)}} <span>· {{E(glance.Label)}}</span></div>
                <iframe id="app-frame" title="{{E(glance.Name)}}" src="{{E(frameUrl.ToString())}}"></iframe>
              </div>
            </aside>
          </div>
          {{HostScript(frameUrl, tokenUrl)}}
        </body>
        </html>
        """;

    /// <summary>The text of an ADF document, paragraphs run together: enough for the host page's description.</summary>
    private static string PlainText(JsonNode? adf)
    {
        if (adf is null)
            return "";
        var parts = new List<string>();
        void Walk(JsonNode? node)
        {
            if (node is not JsonObject obj)
                return;
            if (obj["text"] is JsonValue text && text.TryGetValue<string>(out var value))
                parts.Add(value);
            foreach (var child in (obj["content"] as JsonArray) ?? [])
                Walk(child);
        }
        Walk(adf);
        return string.Join(" ", parts);
    }

    [GeneratedRegex(@"\{([a-zA-Z]+(?:\.[a-zA-Z]+)*)\}")]
    private static partial Regex ContextVariable();
}

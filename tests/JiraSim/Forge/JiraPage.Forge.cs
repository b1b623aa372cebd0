using JiraSim.Model;

namespace JiraSim.Connect;

// A Forge app's UI modules in the Jira-like page: an admin page under Settings → Apps, or the issue view with the app's
// issue panel ("jira:adminPage", "jira:issuePanel"). The frame is the module's Custom UI, served by the simulator as
// Forge serves it; the frame talks to Forge's bridge, not to this page.
public static partial class JiraPage
{
    public static string ForgeHtml(SimSite site, string appTitle, string pageTitle, Uri frameUrl, SimUser user, IEnumerable<SimUser> people) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{E(pageTitle)}} - {{E(site.Key)}} - Jira (simulated)</title>
          <style>
            {{HostStyles}}
            iframe{display:block;width:100%;height:calc(100vh - 90px);border:0}
          </style>
        </head>
        <body>
          {{Header(site, user, people)}}
          <nav>Settings → Apps → {{E(appTitle)}} → {{E(pageTitle)}}</nav>
          <iframe id="app-frame" title="{{E(pageTitle)}}" src="{{E(frameUrl.ToString())}}"></iframe>
        </body>
        </html>
        """;

    public static string ForgeIssueHtml(SimSite site, string panelTitle, SimIssue issue, string projectName, Uri frameUrl, SimUser user, IEnumerable<SimUser> people) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>[{{E(issue.Key)}}] {{E(issue.Summary)}} - {{E(site.Key)}} - Jira (simulated)</title>
          <style>
            {{HostStyles}}
            .issue{padding:16px 24px;max-width:960px}
            .issue h1{font-size:24px;line-height:28px;font-weight:500;margin:8px 0 24px}
            .panel{border:1px solid #DFE1E6;border-radius:3px;margin-top:16px}
            .panel-head{padding:12px 16px;border-bottom:1px solid #DFE1E6;font-weight:600}
            iframe{display:block;width:100%;height:520px;border:0}
          </style>
        </head>
        <body>
          {{Header(site, user, people, new Dictionary<string, string> { ["issue"] = issue.Key })}}
          <nav>Projects / {{E(projectName)}} / {{E(issue.Key)}}</nav>
          <div class="issue">
            <h1 id="issue-summary">{{E(issue.Summary)}}</h1>
            <p>{{E(PlainText(issue.Description))}}</p>
            <div class="panel">
              <div class="panel-head">{{E(panelTitle)}}</div>
              <iframe id="app-frame" title="{{E(panelTitle)}}" src="{{E(frameUrl.ToString())}}"></iframe>
            </div>
          </div>
        </body>
        </html>
        """;
}

using Sandbox;

// dotnet run --project tests/Sandbox [-- --data <folder>] [--connect] [--private-jira cloud|datacenter]   (fixed ports 9000, 5080, 5090)
// Site A installs the app as the Forge app (manifest.yml); with --connect, as the Connect app (atlassian-connect.json).
// The private node's Jira is site B (Jira Cloud); with --private-jira datacenter, site-dc (Jira Data Center 9.12).
var dataIndex = Array.IndexOf(args, "--data");
var data = dataIndex >= 0 && dataIndex + 1 < args.Length ? Path.GetFullPath(args[dataIndex + 1]) : null;
var install = args.Contains("--connect") ? AppInstall.Connect : AppInstall.Forge;
var jiraIndex = Array.IndexOf(args, "--private-jira");
var jiraName = jiraIndex >= 0 && jiraIndex + 1 < args.Length ? args[jiraIndex + 1].ToLowerInvariant() : "cloud";
if (jiraName is not ("cloud" or "datacenter"))
{
    Console.Error.WriteLine($"--private-jira takes cloud or datacenter, not '{jiraName}'.");
    return 2;
}
var privateJira = jiraName == "datacenter" ? PrivateJira.DataCenter : PrivateJira.Cloud;
var siteB = PrivateJiraSite.Key(privateJira);

Console.WriteLine($"Starting the simulated Jira, a public node (installed into site A as the {install} app) and a private node on {siteB}…");
await using var sandbox = await SandboxEnvironment.StartAsync(data, jiraPort: 9000, publicPort: 5080, privatePort: 5090, install: install, privateJira: privateJira);
const string createBody = """{"fields":{"project":{"key":"ACME"},"issuetype":{"name":"Bug"},"summary":"Printer on fire"}}""";
const string searchBody = """{"jql":"project = GLX","fields":["summary","issuetype","comment"]}""";
// How to look at the private side's issues: Jira Cloud's search with an API token, or Data Center's v2 with a personal access token.
var searchB = privateJira == PrivateJira.DataCenter
    ? $"curl -s -H 'Authorization: Bearer admin-personal-access-token' -H 'Content-Type: application/json' \\\n       {sandbox.Jira.Site(siteB).BaseUrlText}/rest/api/2/search -d '{searchBody}'"
    : $"curl -s -u admin@b.example:admin-api-token -H 'Content-Type: application/json' \\\n       {sandbox.Jira.Site(siteB).BaseUrlText}/rest/api/3/search/jql -d '{searchBody}'";
Console.WriteLine($$"""

    Try it without a Jira site:

      1. Site A's Jira, Apps → Exalate → Connections (as a Jira admin):
         {{sandbox.ConnectionsPage()}}
         (switch to a non-admin user with the "Signed in as" menu)
      2. Initiate connection → "I don't have a URL" → Basic → Next → pick ACME → Initiate → Copy invitation code.
      3. The private node's console (site B's side), user "{{SandboxEnvironment.ConsoleUser}}", password "{{sandbox.ConsolePassword}}":
         {{sandbox.ConsolePage}}
      4. Accept invitation → paste the code → pick GLX → Accept. Both sides show the connection Active.
      5. Create an issue in site A (the simulated Jira has no issue screens; its REST API is Jira's):
         curl -s -u admin@a.example:admin-api-token -H 'Content-Type: application/json' \
           {{sandbox.Jira.Site("site-a").BaseUrlText}}/rest/api/3/issue \
           -d '{{createBody}}'
      6. Bring it under sync: on the Connections page open the connection's sync views and Exalate its key (or add a
         trigger such as  project = ACME  and press "Sync all"), or open the issue's Exalate panel:
         {{sandbox.IssuePanelPage("KEY")}}  (KEY: the issue's key)
      7. See its twin on the private side ({{siteB}}), then change it there and watch the change come back to site A:
         {{searchB}}

    Simulated Jira: {{sandbox.Jira.RootUrl}} (site A: {{sandbox.Jira.Site("site-a").BaseUrlText}}, private side: {{sandbox.Jira.Site(siteB).BaseUrlText}};
    users admin@a.example / admin@b.example, API token "admin-api-token"; on site-dc user "admin", personal access token "admin-personal-access-token").
    Data: {{data ?? "temporary folders, removed on exit (pass --data <folder> to keep them)"}}.
    Press Ctrl+C to stop.
    """);
await sandbox.Jira.WaitForShutdownAsync(); // Ctrl+C or SIGTERM; then the nodes are stopped with the sandbox
return 0;

using Sandbox;

// dotnet run --project tests/Sandbox [-- --data <folder>]   (fixed ports 9000, 5080, 5090 so the URLs are stable)
var dataIndex = Array.IndexOf(args, "--data");
var data = dataIndex >= 0 && dataIndex + 1 < args.Length ? Path.GetFullPath(args[dataIndex + 1]) : null;

Console.WriteLine("Starting the simulated Jira, a public node and a private node…");
await using var sandbox = await SandboxEnvironment.StartAsync(data, jiraPort: 9000, publicPort: 5080, privatePort: 5090);
Console.WriteLine($"""

    Try it without a Jira site:

      1. Site A's Jira, Apps → Exalate → Connections (as a Jira admin):
         {sandbox.ConnectionsPage()}
         (switch to a non-admin user with the "Signed in as" menu)
      2. Initiate connection → "I don't have a URL" → Basic → Next → pick ACME → Initiate → Copy the code.
      3. The private node's console (site B's side), user "{SandboxEnvironment.ConsoleUser}", password "{sandbox.ConsolePassword}":
         {sandbox.ConsolePage}
      4. Accept invitation → paste the code → pick GLX → Accept. Both sides show the connection Active.

    Simulated Jira: {sandbox.Jira.RootUrl} (site A: {sandbox.Jira.Site("site-a").BaseUrlText}, site B: {sandbox.Jira.Site("site-b").BaseUrlText};
    users admin@a.example / admin@b.example, API token "admin-api-token").
    Data: {data ?? "temporary folders, removed on exit (pass --data <folder> to keep them)"}.
    Press Ctrl+C to stop.
    """);
await sandbox.Jira.WaitForShutdownAsync(); // Ctrl+C or SIGTERM; then the nodes are stopped with the sandbox

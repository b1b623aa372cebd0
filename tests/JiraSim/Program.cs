using JiraSim.Seed;

namespace JiraSim;

/// <summary>
/// The simulator as a program (an explicit class: the Web SDK would make a top-level <c>Program</c> public, and it
/// would clash with the app's own in test projects that reference both).
/// </summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        // dotnet run --project tests/JiraSim -- [--urls http://127.0.0.1:9000] [--seed path/to/seed.json]
        var seedPath = ArgumentValue(args, "--seed");
        var url = ArgumentValue(args, "--urls") ?? "http://127.0.0.1:9000";
        var seed = seedPath is null ? DefaultSeed.Create() : SeedDocument.Load(seedPath);

        await using var jira = await JiraSimulator.StartAsync(seed, url);
        Console.WriteLine($"Simulated Jira at {jira.RootUrl}");
        foreach (var site in jira.State.Sites.OrderBy(s => s.Key))
        {
            Console.WriteLine($"  site {site.Key}: {site.BaseUrlText}{(site.IsDataCenter ? $" (Data Center {site.Version}, {site.TimeZone.Id}, REST v2)" : "")}");
            foreach (var user in site.Users)
                Console.WriteLine(site.IsDataCenter
                    ? $"    {(user.IsAdmin ? "admin" : "user ")} {user.Name} ({user.Key}) password: {user.Password}, PAT: {string.Join(", ", user.PersonalAccessTokens)}"
                    : $"    {(user.IsAdmin ? "admin" : "user ")} {user.Email} ({user.AccountId}) API token: {string.Join(", ", user.ApiTokens)}");
            foreach (var project in site.Projects)
                Console.WriteLine($"    project {project.Key} ({project.Id}): {string.Join(", ", project.IssueTypes.Select(t => t.Name))}");
        }
        Console.WriteLine($"Install keys (an app's Connect:InstallKeysBaseUrl): {jira.InstallKeysBaseUrl}");
        Console.WriteLine($"Admin API (loopback only, see tests/JiraSim/Connect/README.md): {jira.RootUrl}_admin/sites");
        Console.WriteLine("Press Ctrl+C to stop.");
        await jira.WaitForShutdownAsync(); // Ctrl+C and SIGTERM, through the host's console lifetime
    }

    private static string? ArgumentValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    }
}

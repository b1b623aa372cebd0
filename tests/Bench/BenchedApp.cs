using System.Net;
using ConnectAddon.TestKit;

namespace ConnectAddon.Bench;

/// <summary>
/// The real app as the benchmark runs it: a <see cref="NodeProcess"/> in the production environment, on the project's
/// appsettings.json under the command line, its output echoed to standard error prefixed <c>[addon]</c>.
/// </summary>
public static class BenchedApp
{
    /// <summary>The app's build output and its configuration (the benchmark's own), or why there is none.</summary>
    public static (string AddonDll, string Configuration) Locate()
    {
        try
        {
            return (RepositoryLayout.AddonDll, RepositoryLayout.Configuration);
        }
        catch (Exception e) when (e is FileNotFoundException or TypeInitializationException)
        {
            throw new BenchmarkFailedException($"{(e.InnerException ?? e).Message} Build it with the benchmark (dotnet run -c Release --project tests/Bench).", e);
        }
    }

    /// <param name="database">The app's store: its SQLite file in the app's data folder, or a PostgreSQL database (its connection string, which holds a password, goes in the environment).</param>
    public static async Task<NodeProcess> StartAsync(string appKey, Uri installKeysBaseUrl, TestDatabase database)
    {
        var settings = new Dictionary<string, string>
        {
            ["contentRoot"] = RepositoryLayout.AddonProjectDirectory,
            ["Addon:Key"] = appKey,
            ["Connect:InstallKeysBaseUrl"] = installKeysBaseUrl.ToString().TrimEnd('/'),
            // The benchmark's sites are on loopback over http, which the destination guard allows in development only.
            ["Transport:AllowInsecureDestinations"] = "true",
        };
        // Measure the production configuration whatever this shell has set.
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" };
        if (database.Store == TestStore.Postgres)
        {
            settings["Storage:Provider"] = "postgres";
            settings["Storage:DataDirectory"] = database.DataDirectory;
            environment["Storage__ConnectionString"] = database.ConnectionString;
        }
        try
        {
            return await NodeProcess.StartAsync(settings, database.DataDirectory, environment: environment, echo: line => Console.Error.WriteLine("[addon] " + line));
        }
        catch (InvalidOperationException e)
        {
            var reason = e.Message.Split('\n')[0].TrimEnd('\r');
            throw new BenchmarkFailedException($"{reason} (its output is above, prefixed [addon])", e);
        }
    }

    /// <summary>One <c>GET /healthz</c> once the app has started: it answers 200 when it reaches its database.</summary>
    public static async Task EnsureHealthyAsync(HttpClient http, NodeProcess app, CancellationToken cancel)
    {
        var health = new Uri(app.BaseUrl, "healthz");
        try
        {
            using var response = await http.GetAsync(health, cancel);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new BenchmarkFailedException($"GET {health} answered {(int)response.StatusCode} {response.ReasonPhrase}, not 200.");
        }
        catch (HttpRequestException e)
        {
            throw new BenchmarkFailedException($"GET {health} failed: {e.Message}", e);
        }
    }
}

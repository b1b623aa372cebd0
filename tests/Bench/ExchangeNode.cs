using ConnectAddon.TestKit;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Bench;

/// <summary>
/// A node of the <c>exchange</c> benchmark: the real app as a process in the production environment, on a data folder
/// whose Data Protection keys (<c>keys/</c>, application "connect-addon", as StorageSetup keeps them) are made first, so
/// the benchmark can encrypt a connection key the node can read, the way PublicNodeRestartTests pairs two nodes.
/// </summary>
public static class ExchangeNode
{
    /// <summary>The purpose string of the app's ConnectionKeyProtector.</summary>
    private const string KeyPurpose = "ConnectAddon.Connections.ConnectionKey.v1";

    public static string ProtectKey(string dataFolder, string connectionKey) =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(dataFolder, "keys")), builder => builder.SetApplicationName("connect-addon"))
            .CreateProtector(KeyPurpose).Protect(connectionKey);

    public static async Task<NodeProcess> StartAsync(string name, string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(settings)
        {
            ["contentRoot"] = RepositoryLayout.AddonProjectDirectory,
            ["Addon:Key"] = "bench-exchange",
            // No Jira tenant installs in this benchmark; an address nothing listens on.
            ["Connect:InstallKeysBaseUrl"] = "http://127.0.0.1:9",
            // The private node's Jira is that address too: its change capture fails and retries, which is noise here.
            ["Logging:LogLevel:Polly"] = "None",
            ["Logging:LogLevel:ConnectAddon.Sync"] = "Error",
            ["Logging:LogLevel:ConnectAddon.Jira"] = "Error",
        };
        try
        {
            return await NodeProcess.StartAsync(all, dataFolder,
                environment: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
                echo: line => Console.Error.WriteLine($"[{name}] " + line));
        }
        catch (InvalidOperationException e)
        {
            var reason = e.Message.Split('\n')[0].TrimEnd('\r');
            throw new BenchmarkFailedException($"{reason} (its output is above, prefixed [{name}])", e);
        }
    }
}

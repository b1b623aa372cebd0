using ConnectAddon.TestKit;

namespace JiraSim.Tests.Connect;

/// <summary>The real app (addon/) as a process of its own, trusting this simulator's install key server.</summary>
public static class RealAddonProcess
{
    public const string AppKey = "io.example.sim-installed";

    public static Task<NodeProcess> StartAsync(Uri installKeysBaseUrl) => NodeProcess.StartAsync(new Dictionary<string, string>
    {
        ["Addon:Key"] = AppKey,
        ["Connect:InstallKeysBaseUrl"] = installKeysBaseUrl.ToString(),
        // The simulated sites are on loopback over http, which the app's destination guard allows in development only.
        ["Transport:AllowInsecureDestinations"] = "true",
    });

    public static Uri DescriptorUrl(this NodeProcess node) => new(node.BaseUrl, "atlassian-connect.json");
}

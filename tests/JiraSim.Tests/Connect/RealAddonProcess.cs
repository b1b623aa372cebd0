using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JiraSim.Tests.Connect;

/// <summary>
/// The real app (<c>addon/</c>), started from its own build output as an operator starts it (<c>dotnet Addon.dll</c>),
/// on a free loopback port, with a fresh SQLite file and the simulator as its install key server.
/// </summary>
public sealed class RealAddonProcess : IAsyncDisposable
{
    public const string AppKey = "io.example.sim-installed";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly string folder;

    private RealAddonProcess(Process process, string folder, Uri baseUrl)
    {
        this.process = process;
        this.folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public Uri DescriptorUrl => new(BaseUrl, "atlassian-connect.json");
    public string DatabaseFile => Path.Combine(folder, "addon.db");

    public static async Task<RealAddonProcess> StartAsync(Uri installKeysBaseUrl)
    {
        var folder = Directory.CreateTempSubdirectory("jirasim-addon-").FullName;
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     AddonDll, "--urls", baseUrl, "--Addon:BaseUrl", baseUrl, "--Addon:Key", AppKey,
                     "--Connect:InstallKeysBaseUrl", installKeysBaseUrl.ToString(), "--Storage:ConnectionString", $"Data Source={Path.Combine(folder, "addon.db")}",
                     "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
                 })
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info)!;
        var addon = new RealAddonProcess(process, folder, new Uri(baseUrl + "/"));
        await addon.WaitUntilStartedAsync();
        return addon;
    }

    /// <summary>Waits for the host's "Application started." line rather than polling.</summary>
    private async Task WaitUntilStartedAsync()
    {
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StartLimit);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the app never blocks on a full pipe
                    return;
                }
        }
        catch (OperationCanceledException) { }
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        Assert.Fail($"The app did not start within {StartLimit.TotalSeconds} s: {await errors}");
    }

    /// <summary>The build output of addon/, in the configuration these tests were built in (bin/&lt;Configuration&gt;/net10.0/).</summary>
    private static string AddonDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var dll = Path.Combine(dir.FullName, "addon", "bin", configuration, "net10.0", "Addon.dll");
                if (File.Exists(dll))
                    return dll;
            }
            throw new FileNotFoundException($"addon/bin/{configuration}/net10.0/Addon.dll is not built.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

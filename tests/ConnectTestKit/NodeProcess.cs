using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConnectAddon.TestKit;

/// <summary>
/// The app as an operator runs it: <c>dotnet Addon.dll</c> in a process of its own, on a loopback port and a data
/// folder of its own, with settings on the command line. Used wherever a property needs real processes: a kill -9
/// that must lose nothing, a private node that must open no port to the public node, the sandbox, the browser journey.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool ownsFolder;

    private NodeProcess(Process process, string folder, bool ownsFolder, Uri baseUrl)
    {
        this.process = process;
        this.ownsFolder = ownsFolder;
        DataFolder = folder;
        BaseUrl = baseUrl;
    }

    /// <summary>The node's own address, with a trailing slash.</summary>
    public Uri BaseUrl { get; }
    public string DataFolder { get; }
    public string DatabaseFile => Path.Combine(DataFolder, "addon.db");
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>Everything the node wrote to standard output and standard error so far.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>
    /// Starts a node and waits until it serves requests. <paramref name="settings"/> are passed as
    /// <c>--Key value</c>; <c>Addon:BaseUrl</c>, <c>--urls</c> and the database default to this process's own.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? dataFolder = null, int? port = null)
    {
        var folder = dataFolder ?? Directory.CreateTempSubdirectory("addon-node-").FullName;
        Directory.CreateDirectory(folder);
        var baseUrl = $"http://127.0.0.1:{port ?? FreePort()}";
        var all = new Dictionary<string, string>
        {
            ["urls"] = baseUrl,
            ["Addon:BaseUrl"] = baseUrl,
            ["Addon:Key"] = "io.example.test-node",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "addon.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepositoryLayout.AddonDll);
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var node = new NodeProcess(Process.Start(info)!, folder, dataFolder is null, new Uri(all["Addon:BaseUrl"].TrimEnd('/') + "/"));
        node.Pump(node.process.StandardOutput);
        node.Pump(node.process.StandardError);
        await node.WaitUntilStartedAsync();
        return node;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (output.FirstOrDefault(match) is { } line)
                return line;
            if (process.HasExited)
                break;
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"No such output line within {limit.TotalSeconds} s. Output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsFolder)
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private void Pump(StreamReader reader) => _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            output.Enqueue(line);
            if (line.Contains("Application started", StringComparison.Ordinal))
                started.TrySetResult();
        }
    });

    private async Task WaitUntilStartedAsync()
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(started.Task, exited, Task.Delay(StartLimit));
        if (first == started.Task)
            return;
        await KillAsync();
        throw new InvalidOperationException(
            (first == exited ? $"The node exited with code {process.ExitCode} during start-up." : $"The node did not start within {StartLimit.TotalSeconds} s.")
            + Environment.NewLine + string.Join(Environment.NewLine, output));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConnectAddon.TestKit;

/// <summary>
/// The app as an operator runs it: <c>dotnet Addon.dll</c> in a process of its own, on a loopback port and a data
/// folder of its own, with settings on the command line. Used wherever a property needs real processes: a kill -9
/// that must lose nothing, a private node that must open no port to the public node, settings that must stop
/// start-up, the sandbox, the browser journey, the benchmark.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly NodeOutput output;
    private readonly bool ownsFolder;
    private bool disposed;

    private NodeProcess(Process process, NodeOutput output, string folder, bool ownsFolder, Uri baseUrl, string baseUrlSetting)
    {
        this.process = process;
        this.output = output;
        this.ownsFolder = ownsFolder;
        DataFolder = folder;
        BaseUrl = baseUrl;
        BaseUrlSetting = baseUrlSetting;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The node's own address, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The node's address exactly as its <c>Addon:BaseUrl</c> setting says it, e.g. for a token's <c>aud</c>.</summary>
    public string BaseUrlSetting { get; }

    public string DataFolder { get; }
    public string DatabaseFile => Path.Combine(DataFolder, "addon.db");
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>The exit code once the node has exited; null while it runs.</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Everything the node wrote to standard output and standard error so far, in the order it arrived.</summary>
    public IReadOnlyList<string> Output => output.All;
    public IReadOnlyList<string> StandardOutput => output.StandardOutput;
    public IReadOnlyList<string> StandardError => output.StandardError;

    /// <summary>
    /// Starts a node and waits until it serves requests. <paramref name="settings"/> are passed as
    /// <c>--Key value</c>; <c>Addon:BaseUrl</c>, <c>--urls</c> and the database default to this process's own.
    /// <paramref name="environment"/> is added to the child's environment; <paramref name="echo"/> sees each line of output as it arrives.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? dataFolder = null, int? port = null,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? echo = null)
    {
        var node = Launch(settings, dataFolder, port, environment, echo);
        string failure;
        try
        {
            if (await node.StartedAsync())
                return node;
            failure = $"The node exited with code {node.ExitCode} during start-up.";
        }
        catch (TimeoutException)
        {
            failure = $"The node did not start within {StartLimit.TotalSeconds} s.";
        }
        await node.DisposeAsync();
        throw new InvalidOperationException(failure + Environment.NewLine + node.output);
    }

    /// <summary>Starts a node whose settings should stop it, and returns how it exited and what it wrote on each stream.</summary>
    public static async Task<NodeExit> StartExpectingFailureAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        await using var node = Launch(settings, dataFolder: null, port: null, environment: null, echo: null);
        bool started;
        try
        {
            started = await node.StartedAsync();
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The node neither started nor exited within {StartLimit.TotalSeconds} s." + Environment.NewLine + node.output);
        }
        if (started)
            throw new InvalidOperationException("The node started, although its settings should have stopped it." + Environment.NewLine + node.output);
        return new NodeExit(node.process.ExitCode, string.Join(Environment.NewLine, node.StandardOutput), string.Join(Environment.NewLine, node.StandardError));
    }

    /// <summary>Waits until a line of output satisfies <paramref name="match"/>, and returns it; fails as soon as the output ends without one.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan limit)
    {
        try
        {
            if (await output.FirstLineAsync(match).WaitAsync(limit) is { } line)
                return line;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No such output line within {limit.TotalSeconds} s. Output:{Environment.NewLine}{output}");
        }
        throw new InvalidOperationException($"The node's output ended without such a line. Output:{Environment.NewLine}{output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush. Returns once the node has exited and all its output is read.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await output.Completion;
    }

    /// <summary>The node's CPU time (user + system) so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The node's peak resident set (VmHWM from /proc), in bytes; null where /proc is not available.</summary>
    public long? PeakWorkingSet() => ProcStatus("VmHWM:");

    /// <summary>The node's resident set now (VmRSS from /proc), in bytes.</summary>
    public long WorkingSet() => ProcStatus("VmRSS:") ?? throw new InvalidOperationException("/proc/<pid>/status has no VmRSS here.");

    private long? ProcStatus(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kilobytes = line?[field.Length..].Trim().Split(' ')[0];
            return long.TryParse(kilobytes, out var kb) ? kb * 1024 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        await KillAsync();
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteOwnedFolder();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static NodeProcess Launch(IReadOnlyDictionary<string, string>? settings, string? dataFolder, int? port,
        IReadOnlyDictionary<string, string>? environment, Action<string>? echo)
    {
        var folder = dataFolder ?? Directory.CreateTempSubdirectory("addon-node-").FullName;
        Directory.CreateDirectory(folder);
        var ownAddress = $"http://127.0.0.1:{port ?? FreePort()}";
        var all = new Dictionary<string, string>
        {
            ["urls"] = ownAddress,
            ["Addon:BaseUrl"] = ownAddress,
            ["Addon:Key"] = "io.example.test-node",
            ["Logging:LogLevel:Default"] = "Warning",
            // "Application started" is how this class knows the node is up.
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        // SQLite in the data folder, unless the settings name another store (whose connection string then comes in the environment).
        if (settings?.ContainsKey("Storage:Provider") != true)
            all["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "addon.db")}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;

        var info = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepositoryLayout.AddonDll);
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        // A node started with a nonsensical Addon:BaseUrl (to see it refused) is still reached at its own address.
        var baseUrlSetting = all["Addon:BaseUrl"];
        var baseUrl = Uri.TryCreate(baseUrlSetting.TrimEnd('/') + "/", UriKind.Absolute, out var configured) ? configured : new Uri(ownAddress + "/");

        var process = Process.Start(info)!;
        return new NodeProcess(process, new NodeOutput(process.StandardOutput, process.StandardError, echo), folder, dataFolder is null, baseUrl, baseUrlSetting);
    }

    /// <summary>True once the node says it started; false if it exited first; <see cref="TimeoutException"/> if neither happens in time.</summary>
    private async Task<bool> StartedAsync()
    {
        if (await output.FirstLineAsync(line => line.Contains("Application started", StringComparison.Ordinal)).WaitAsync(StartLimit) is not null)
            return true;
        await process.WaitForExitAsync().WaitAsync(StartLimit);
        return false;
    }

    /// <summary>If this process ends without disposing the node (a test host torn down, Ctrl+C), the node goes with it.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        DeleteOwnedFolder();
    }

    private void DeleteOwnedFolder()
    {
        if (!ownsFolder)
            return;
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The dotnet host running this process when there is one (tests, the benchmark), otherwise <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        return "dotnet";
    }
}

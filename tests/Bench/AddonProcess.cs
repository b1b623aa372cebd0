using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConnectAddon.Bench;

/// <summary>
/// The real app as a child process (<c>dotnet Addon.dll</c>) on a free port of 127.0.0.1, with its database and
/// Data Protection keys in a temporary folder of its own. Disposing stops the process and deletes the folder;
/// if this process ends without disposing (SIGTERM), the child is killed on the way out.
/// </summary>
public sealed class AddonProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DeleteRetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process process;
    private readonly string dataDirectory;
    private long outputLines;

    private AddonProcess(Process process, string dataDirectory, Uri baseUrl)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The app's base URL, without a trailing slash in its string form.</summary>
    public Uri BaseUrl { get; }
    public string BaseUrlText => BaseUrl.ToString().TrimEnd('/');
    public int ProcessId => process.Id;
    public string DatabasePath => Path.Combine(dataDirectory, "bench.db");

    /// <summary>Lines the app has written to stdout/stderr so far (at log level Warning, each is a warning or an error).</summary>
    public long OutputLines => Interlocked.Read(ref outputLines);

    public static AddonProcess Start(RepoLayout layout, string appKey, Uri installKeysBaseUrl)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("addon-bench-").FullName;
        try
        {
            var port = FreeLoopbackPort();
            var baseUrl = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo(DotnetHost(), [
                layout.AddonDll,
                "--contentRoot", layout.AddonProjectDirectory,
                "--urls", $"http://127.0.0.1:{port}",
                "--Addon:BaseUrl", $"http://127.0.0.1:{port}",
                "--Addon:Key", appKey,
                "--Connect:InstallKeysBaseUrl", installKeysBaseUrl.ToString().TrimEnd('/'),
                "--Storage:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "bench.db")}",
                "--Logging:LogLevel:Default", "Warning",
            ])
            {
                WorkingDirectory = layout.AddonProjectDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Measure the production configuration whatever this shell has set.
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";

            var process = new Process { StartInfo = start };
            var addon = new AddonProcess(process, dataDirectory, baseUrl);
            process.OutputDataReceived += (_, e) => addon.Forward(e.Data);
            process.ErrorDataReceived += (_, e) => addon.Forward(e.Data);
            try
            {
                process.Start();
            }
            catch (Exception e)
            {
                AppDomain.CurrentDomain.ProcessExit -= addon.KillOnExit;
                throw new BenchmarkFailedException($"Could not start '{start.FileName} {layout.AddonDll}': {e.Message}", e);
            }
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return addon;
        }
        catch
        {
            DeleteFolder(dataDirectory);
            throw;
        }
    }

    /// <summary>Polls <c>GET /healthz</c> until it answers 200, the process exits, or <see cref="HealthLimit"/> passes.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, CancellationToken cancel)
    {
        var started = Stopwatch.StartNew();
        var health = new Uri(BaseUrl, "/healthz");
        var last = "no answer yet";
        while (started.Elapsed < HealthLimit)
        {
            if (process.HasExited)
                throw new BenchmarkFailedException($"The app exited with code {process.ExitCode} before it was healthy (its output is above, prefixed [addon]).");
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(health, attempt.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(HealthPollInterval, cancel);
        }
        throw new BenchmarkFailedException($"GET {health} did not answer 200 within {HealthLimit.TotalSeconds:0} s (last: {last}).");
    }

    /// <summary>The app's CPU time (user + system) so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Peak resident set (VmHWM from /proc), in bytes; null where /proc is not available.</summary>
    public long? PeakWorkingSet()
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.TryParse(kilobytes, out var kb) ? kb * 1024 : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Error.WriteLine($"The app (pid {process.Id}) did not exit within 10 s of being killed.");
                }
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }
        finally
        {
            process.Dispose();
            DeleteFolder(dataDirectory);
        }
    }

    private void Forward(string? line)
    {
        if (line is null)
            return;
        Interlocked.Increment(ref outputLines);
        Console.Error.WriteLine("[addon] " + line);
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        DeleteFolder(dataDirectory);
    }

    private static void DeleteFolder(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 3)
                {
                    Console.Error.WriteLine($"Could not delete the temporary folder {path}: {e.Message}");
                    return;
                }
                Thread.Sleep(DeleteRetryInterval);
            }
        }
    }

    /// <summary>A port nobody listens on right now (the OS picks it); the app binds it a moment later.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>The dotnet host running this benchmark when there is one, otherwise <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        return "dotnet";
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>A private node as an operator starts it (<c>dotnet Addon.dll</c>), on a data folder that outlives it, with its standard output kept.</summary>
public sealed class PrivateNodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly List<(string Prefix, TaskCompletionSource<string> Found)> waiters = [];
    private readonly Task reading;

    private PrivateNodeProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        reading = ReadAsync(process.StandardOutput);
        process.StandardError.ReadToEndAsync().Ignore();
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts a private node whose Jira is never called (start-up does not need it) and waits until it serves requests.</summary>
    public static async Task<PrivateNodeProcess> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] args =
        [
            "--urls", baseUrl.ToString(), "--Addon:BaseUrl", baseUrl.ToString(), "--Addon:Key", "private-node-test",
            "--Storage:ConnectionString", $"Data Source={Path.Combine(dataFolder, "addon.db")}", "--Logging:LogLevel:Default", "Warning",
            "--Node:Role", "private", "--PrivateNode:Jira:BaseUrl", "http://127.0.0.1:9/jira", "--PrivateNode:Jira:PersonalAccessToken", "unused-token",
            .. extraArgs,
        ];
        var node = new PrivateNodeProcess(Process.Start(AddonProcess.StartInfo(dataFolder, args))!, baseUrl);
        await node.WaitUntilHealthyAsync();
        return node;
    }

    /// <summary>Stops the node (SIGKILL) and returns everything it wrote to standard output.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await reading;
        lock (lines)
            return [.. lines];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    /// <summary>The first line of standard output that starts with <paramref name="prefix"/>, as soon as it arrives.</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan limit)
    {
        lock (lines)
        {
            if (lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                return Task.FromResult(line);
            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((prefix, found));
            return found.Task.WaitAsync(limit);
        }
    }

    private async Task ReadAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
            lock (lines)
            {
                lines.Add(line);
                foreach (var waiter in waiters.Where(w => line.StartsWith(w.Prefix, StringComparison.Ordinal)))
                    waiter.Found.TrySetResult(line);
            }
        lock (lines)
            foreach (var waiter in waiters)
                waiter.Found.TrySetException(new InvalidOperationException($"The node's output ended without a line starting with '{waiter.Prefix}'."));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.That(process.HasExited, Is.False, "the node exited during start-up");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(TimeSpan.FromMilliseconds(100)); // polling a condition, bounded by the deadline above
        }
        Assert.Fail("The node did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

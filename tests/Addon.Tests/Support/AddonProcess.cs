using System.Diagnostics;

namespace ConnectAddon.Tests.Support;

/// <summary>The app as an operator starts it: <c>dotnet Addon.dll</c> in a process of its own.</summary>
public static class AddonProcess
{
    /// <summary>The app's own build output (built with the tests, same configuration), with its runtimeconfig.</summary>
    public static string AddonDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
            var dll = Path.Combine(Reference.RepositoryRoot, "addon", "bin", configuration, "net10.0", "Addon.dll");
            if (!File.Exists(dll))
                Assert.Fail("The app is not built at " + dll);
            return dll;
        }
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AddonDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs the app with <paramref name="args"/> until it exits by itself (within a generous limit).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToExitAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app did not exit within 60 s: " + await output);
        }
        return (process.ExitCode, await output, await errors);
    }
}

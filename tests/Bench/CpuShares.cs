using System.Diagnostics;

namespace ConnectAddon.Bench;

/// <summary>
/// The processor time each process of a run used during a phase, and what share of the machine's cores that is: the
/// first cut of a profile, naming which process the time went to before a trace says what inside it. The benchmark's
/// own process holds the simulated Jira (its REST API and its webhook sender). PostgreSQL's time is the sum over its
/// server processes alive at both ends of the phase.
/// </summary>
public sealed class CpuShares
{
    private readonly List<(string Name, Func<TimeSpan> Read, TimeSpan Before)> sources = [];
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private List<double>? used;

    public CpuShares Add(string name, Func<TimeSpan> read)
    {
        sources.Add((name, read, read()));
        return this;
    }

    /// <summary>This process (the benchmark and the simulated Jira).</summary>
    public static TimeSpan Own()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Every process called <c>postgres</c> on this machine (the server and its backends), read from
    /// <c>/proc/[pid]/stat</c>'s utime and stime (proc(5)), in clock ticks of 1/100 s as Linux reports them to user space.
    /// </summary>
    public static TimeSpan Postgres()
    {
        const double TicksPerSecond = 100;
        double ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // "pid (comm) state …": the name may hold spaces, so the fields are counted after its closing parenthesis.
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                    continue;
                var fields = stat[(close + 2)..].Split(' ');
                ticks += double.Parse(fields[11]) + double.Parse(fields[12]); // utime and stime: fields 14 and 15 of the line
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { /* ended meanwhile */ }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Ends the phase: what each process used until now is what <see cref="Print"/> shows.</summary>
    public void Stop()
    {
        watch.Stop();
        used = [.. sources.Select(s => (s.Read() - s.Before).TotalSeconds)];
    }

    public void Print(TextWriter output)
    {
        if (used is null)
            Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"  CPU          over {seconds:0.0} s, {Environment.ProcessorCount} cores (processor seconds, and cores used on average):");
        for (var i = 0; i < sources.Count; i++)
            output.WriteLine($"    {sources[i].Name,-44} {used![i],7:0.0} s  {used[i] / seconds,5:0.00} cores");
    }
}

using System.Diagnostics;

namespace ConnectAddon.Bench;

/// <summary>
/// The processor time each process of a run used during a phase, and what share of the machine's cores that is: the
/// first cut of a profile, naming which process the time went to before a trace says what inside it. The benchmark's
/// own process holds the simulated Jira (its REST API and its webhook sender). PostgreSQL's time is the sum over its
/// server processes still running at its end.
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
    /// What the processes called <c>postgres</c> on this machine (the server and its backends) used since this call:
    /// read from <c>/proc/[pid]/stat</c>'s utime and stime (proc(5)), per process, so a backend that ended meanwhile
    /// takes nothing away (what it used is lost with it; the nodes' pooled connections keep theirs open).
    /// </summary>
    public static Func<TimeSpan> PostgresSince()
    {
        var before = PostgresTicks();
        return () => TimeSpan.FromSeconds(PostgresTicks().Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / 100.0);
    }

    // Clock ticks of 1/100 s, as Linux reports them to user space.
    private static Dictionary<int, double> PostgresTicks()
    {
        var ticks = new Dictionary<int, double>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
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
                ticks[pid] = double.Parse(fields[11]) + double.Parse(fields[12]); // utime and stime: fields 14 and 15 of the line
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { /* ended meanwhile */ }
        }
        return ticks;
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

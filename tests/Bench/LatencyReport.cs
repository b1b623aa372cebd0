using System.Diagnostics;

namespace ConnectAddon.Bench;

/// <summary>Throughput and latency percentiles (nearest rank) of a measured phase, in milliseconds.</summary>
public sealed record LatencyReport(int Requests, int Errors, double ElapsedSeconds, double RequestsPerSecond,
    double MeanMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencyReport Of(PhaseResult phase)
    {
        var sorted = phase.LatencyTicks.Order().ToArray();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => sorted.Length == 0 ? 0 : Ms(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)]);
        var seconds = phase.Elapsed.TotalSeconds;
        return new LatencyReport(
            phase.Requests, phase.Errors, seconds, seconds > 0 ? phase.Requests / seconds : 0,
            sorted.Length == 0 ? 0 : Ms((long)sorted.Average()),
            Percentile(50), Percentile(90), Percentile(99), sorted.Length == 0 ? 0 : Ms(sorted[^1]));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"  requests     {Requests}");
        output.WriteLine($"  errors       {Errors}");
        output.WriteLine($"  elapsed      {ElapsedSeconds:0.00} s");
        output.WriteLine($"  throughput   {RequestsPerSecond:0.0} requests/s");
        output.WriteLine($"  latency ms   p50 {P50Ms:0.00}   p90 {P90Ms:0.00}   p99 {P99Ms:0.00}   max {MaxMs:0.00}   (mean {MeanMs:0.00})");
    }
}

namespace ConnectAddon.Bench;

/// <summary>
/// One phase of a run (warm-up or measured): each request's latency in <see cref="System.Diagnostics.Stopwatch"/>
/// ticks (failed ones included), how many did not answer 204, a few of their reasons, and the phase's wall time.
/// </summary>
public sealed record PhaseResult(long[] LatencyTicks, int Errors, IReadOnlyList<string> ErrorSamples, TimeSpan Elapsed)
{
    public int Requests => LatencyTicks.Length;
    public int Successes => Requests - Errors;
}

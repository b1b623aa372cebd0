namespace ConnectAddon.Bench;

/// <summary>
/// The bulk phase against the points quota the simulated Jira played (<c>--quota</c>): points and issues completed in
/// each window of the quota, and in the windows the run spanned whole, how many issues it completed against what the
/// quota allows. Bulk runs stop taking new pages once fewer than Sync:BulkQuotaReserve points are left, so what the
/// quota allows them is (quota − reserve) ÷ points per issue in each window; with the reserve spent too, quota ÷ points
/// per issue. Issue 14's target: within 10 % of the former. Partial windows (the first and the last) are shown, not
/// counted: the run starts with a window's points already there and ends part-way through one.
/// </summary>
public sealed class QuotaReport(SyncBenchOptions options, IReadOnlyList<(DateTimeOffset Start, long Points)> spent,
    IReadOnlyList<(DateTimeOffset At, int Complete)> progress, int refusals)
{
    public const double TargetShare = 0.9;

    public void Print(TextWriter output)
    {
        var window = options.QuotaWindow;
        var total = spent.Sum(w => w.Points);
        var perIssue = total / (double)options.Bulk;
        var (began, ended) = (progress[0].At, progress[^1].At);
        output.WriteLine($"  quota use    {total} points on site A in all, {perIssue:0.0} per issue; {refusals} requests refused with 429 (the quota spent)");
        var full = new List<int>();
        foreach (var (start, points) in spent)
        {
            var end = start + window;
            var issues = CompleteAt(end) - CompleteAt(start);
            var whole = start >= began && end <= ended;
            if (whole)
                full.Add(issues);
            output.WriteLine($"    window {start:HH:mm:ss}  {points,7} points  {issues,6} issues completed{(whole ? "" : "   (partial: not counted)")}");
        }
        var budget = options.Quota - options.QuotaReserve;
        var allowed = budget / perIssue;
        if (full.Count == 0)
        {
            output.WriteLine($"  paced        no window lay wholly inside the run: raise --bulk or lower --quota-window-s to see the pacing (allowed {allowed:0} issues per window)");
            return;
        }
        var mean = full.Average();
        var perMinute = 60 / window.TotalSeconds;
        output.WriteLine($"  paced        {mean:0} issues per whole window ({full.Count} of them) = {mean * perMinute:0} issues per minute; the quota allows bulk runs " +
            $"({options.Quota} − {options.QuotaReserve} reserve) ÷ {perIssue:0.0} = {allowed:0} per window = {allowed * perMinute:0} per minute, " +
            $"all of it {options.Quota / perIssue * perMinute:0} per minute");
        // No live change is made during the phase, so points past the budget in a window are the reserve spent by bulk work.
        var most = spent.Where(w => w.Start >= began && w.Start + window <= ended).Max(w => w.Points);
        var kept = most <= options.Quota - options.QuotaReserve / 2;
        output.WriteLine($"  reserve      at most {most} points spent in a whole window, {Math.Max(0, options.Quota - most)} left for live changes of the {options.QuotaReserve} reserved: " +
            (kept ? "kept (at least half of it)" : "NOT kept"));
        output.WriteLine($"  target       within {1 - TargetShare:0%} of what the quota allows bulk runs: {mean / allowed:0.0%} of it, " +
            (mean >= TargetShare * allowed && kept ? "met" : "NOT met"));
    }

    /// <summary>How many issues were complete at <paramref name="at"/>: the last sample taken by then (0 before the run).</summary>
    private int CompleteAt(DateTimeOffset at)
    {
        var complete = 0;
        foreach (var sample in progress)
        {
            if (sample.At > at)
                break;
            complete = sample.Complete;
        }
        return complete;
    }
}

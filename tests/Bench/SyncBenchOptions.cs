namespace ConnectAddon.Bench;

/// <summary>
/// The <c>sync</c> benchmark's parameters: issues under sync for the latency phases, changes measured each way, the
/// private node's JQL poll interval, and the bulk phase's issues, comments per issue and attachment size.
/// </summary>
public sealed record SyncBenchOptions(int Issues = 20, int Changes = 200, int PollMs = 1000, int Bulk = 300, int Comments = 3, int AttachmentKib = 16)
{
    public static bool TryParse(ReadOnlySpan<string> args, out SyncBenchOptions options, out string problem)
    {
        var defaults = new SyncBenchOptions();
        options = defaults;
        if (!BenchArguments.TryParse(args, new Dictionary<string, (int, int)>
        {
            ["--issues"] = (1, 1000),
            ["--changes"] = (1, 100_000),
            // The bounds of PrivateNode:PollInterval (100 ms to 1 h).
            ["--poll-ms"] = (100, 3_600_000),
            // 0 skips the bulk phase.
            ["--bulk"] = (0, 100_000),
            ["--comments"] = (0, 100),
            ["--attachment-kib"] = (1, 10 * 1024),
        }, out var values, out problem))
            return false;
        options = defaults with
        {
            Issues = values.GetValueOrDefault("--issues", defaults.Issues),
            Changes = values.GetValueOrDefault("--changes", defaults.Changes),
            PollMs = values.GetValueOrDefault("--poll-ms", defaults.PollMs),
            Bulk = values.GetValueOrDefault("--bulk", defaults.Bulk),
            Comments = values.GetValueOrDefault("--comments", defaults.Comments),
            AttachmentKib = values.GetValueOrDefault("--attachment-kib", defaults.AttachmentKib),
        };
        return true;
    }

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMs);

    public override string ToString() =>
        $"--issues {Issues} --changes {Changes} --poll-ms {PollMs} --bulk {Bulk} --comments {Comments} --attachment-kib {AttachmentKib}";
}

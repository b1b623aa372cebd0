using ConnectAddon.TestKit;
using Sandbox;

namespace ConnectAddon.Bench;

/// <summary>
/// The <c>sync</c> benchmark's parameters: issues under sync for the latency phases, changes measured each way, the
/// private node's JQL poll interval, the bulk phase's issues, comments per issue and attachment size, which Jira
/// the private node is on (site B as Jira Cloud, or site-dc as Jira Data Center), how many processes the public node
/// runs as and on which store, and the points quota the simulated Jira plays for the public node's calls.
/// </summary>
public sealed record SyncBenchOptions(int Issues = 20, int Changes = 200, int PollMs = 1000, int Bulk = 300, int Comments = 3, int AttachmentKib = 16,
    PrivateJira PrivateJira = PrivateJira.Cloud, int PublicNodes = 1, TestStore Store = TestStore.Sqlite, int Quota = 0, int QuotaWindowSeconds = 60)
{
    private const string PrivateJiraOption = "--private-jira";
    private const string StoreOption = "--store";
    /// <summary>The share of the quota bulk runs leave to live changes: Sync:BulkQuotaReserve's default, 15,000 of Atlassian's 65,000 points an hour.</summary>
    private const double ReserveShare = 15_000.0 / 65_000;

    public static bool TryParse(ReadOnlySpan<string> args, out SyncBenchOptions options, out string problem)
    {
        var defaults = new SyncBenchOptions();
        options = defaults;
        // --private-jira and --store take a word, not a number: they are taken out first, the rest go to the numbers' parser.
        if (!BenchArguments.TryTakeWord(args, PrivateJiraOption, ["cloud", "datacenter"], out var privateJira, out var rest, out problem)
            || !BenchArguments.TryTakeWord(rest, StoreOption, ["sqlite", "postgres"], out var store, out rest, out problem))
            return false;
        if (!BenchArguments.TryParse(rest, new Dictionary<string, (int, int)>
        {
            ["--issues"] = (1, 1000),
            ["--changes"] = (1, 100_000),
            // The bounds of PrivateNode:PollInterval (100 ms to 1 h).
            ["--poll-ms"] = (100, 3_600_000),
            // 0 skips the bulk phase.
            ["--bulk"] = (0, 100_000),
            ["--comments"] = (0, 100),
            ["--attachment-kib"] = (1, 10 * 1024),
            ["--public-nodes"] = (1, 8),
            // 0: the simulated Jira meters nothing.
            ["--quota"] = (0, 10_000_000),
            ["--quota-window-s"] = (10, 3600),
        }, out var values, out problem))
            return false;
        var publicNodes = values.GetValueOrDefault("--public-nodes", defaults.PublicNodes);
        // Several processes share one database, which only PostgreSQL serves; one process runs on SQLite unless told.
        var onStore = store switch { "postgres" => TestStore.Postgres, "sqlite" => TestStore.Sqlite, _ => publicNodes > 1 ? TestStore.Postgres : TestStore.Sqlite };
        if (publicNodes > 1 && onStore == TestStore.Sqlite)
        {
            problem = $"--public-nodes {publicNodes} needs --store postgres: processes share one database only on PostgreSQL.";
            return false;
        }
        options = defaults with
        {
            Issues = values.GetValueOrDefault("--issues", defaults.Issues),
            Changes = values.GetValueOrDefault("--changes", defaults.Changes),
            PollMs = values.GetValueOrDefault("--poll-ms", defaults.PollMs),
            Bulk = values.GetValueOrDefault("--bulk", defaults.Bulk),
            Comments = values.GetValueOrDefault("--comments", defaults.Comments),
            AttachmentKib = values.GetValueOrDefault("--attachment-kib", defaults.AttachmentKib),
            PrivateJira = privateJira == "datacenter" ? PrivateJira.DataCenter : PrivateJira.Cloud,
            PublicNodes = publicNodes,
            Store = onStore,
            Quota = values.GetValueOrDefault("--quota", defaults.Quota),
            QuotaWindowSeconds = values.GetValueOrDefault("--quota-window-s", defaults.QuotaWindowSeconds),
        };
        return true;
    }

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMs);

    public TimeSpan QuotaWindow => TimeSpan.FromSeconds(QuotaWindowSeconds);

    /// <summary>Sync:BulkQuotaReserve scaled to the played quota as the default is to Atlassian's: what bulk runs leave to live changes each window.</summary>
    public long QuotaReserve => (long)Math.Round(Quota * ReserveShare);

    /// <summary>
    /// Sync:BulkQueuedLimit scaled alike (its default of 500 issues in flight, about 3,500 points, is a quarter of the
    /// default reserve): the work already handed on when the reserve is reached spends the same share of it. At least 50.
    /// </summary>
    public int QueuedLimit => (int)Math.Max(50, Math.Round(500.0 * Quota / 65_000));

    /// <summary>The option's spelling of <see cref="PrivateJira"/>, as the sandbox takes it too.</summary>
    public string PrivateJiraName => PrivateJira == PrivateJira.DataCenter ? "datacenter" : "cloud";

    public string StoreName => Store == TestStore.Postgres ? "postgres" : "sqlite";

    public override string ToString() =>
        $"--issues {Issues} --changes {Changes} --poll-ms {PollMs} --bulk {Bulk} --comments {Comments} --attachment-kib {AttachmentKib} {PrivateJiraOption} {PrivateJiraName} " +
        $"--public-nodes {PublicNodes} {StoreOption} {StoreName}" + (Quota > 0 ? $" --quota {Quota} --quota-window-s {QuotaWindowSeconds}" : "");
}

using Sandbox;

namespace ConnectAddon.Bench;

/// <summary>
/// The <c>sync</c> benchmark's parameters: issues under sync for the latency phases, changes measured each way, the
/// private node's JQL poll interval, the bulk phase's issues, comments per issue and attachment size, and which Jira
/// the private node is on (site B as Jira Cloud, or site-dc as Jira Data Center).
/// </summary>
public sealed record SyncBenchOptions(int Issues = 20, int Changes = 200, int PollMs = 1000, int Bulk = 300, int Comments = 3, int AttachmentKib = 16,
    PrivateJira PrivateJira = PrivateJira.Cloud)
{
    private const string PrivateJiraOption = "--private-jira";

    public static bool TryParse(ReadOnlySpan<string> args, out SyncBenchOptions options, out string problem)
    {
        var defaults = new SyncBenchOptions();
        options = defaults;
        // Every option is a name and one value, so they are walked in pairs: --private-jira's value is a name, not a
        // number, and is taken out here; the rest go to the numbers' parser in their order.
        var privateJira = defaults.PrivateJira;
        var numbers = new List<string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] != PrivateJiraOption)
            {
                numbers.AddRange(args.Slice(i, Math.Min(2, args.Length - i)));
                continue;
            }
            if (i + 1 >= args.Length || ParsePrivateJira(args[i + 1]) is not { } flavour)
            {
                problem = $"{PrivateJiraOption} takes cloud or datacenter{(i + 1 < args.Length ? $", not '{args[i + 1]}'" : "")}.";
                return false;
            }
            privateJira = flavour;
        }
        if (!BenchArguments.TryParse(numbers.ToArray(), new Dictionary<string, (int, int)>
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
            PrivateJira = privateJira,
        };
        return true;
    }

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMs);

    /// <summary>The option's spelling of <see cref="PrivateJira"/>, as the sandbox takes it too.</summary>
    public string PrivateJiraName => PrivateJira == PrivateJira.DataCenter ? "datacenter" : "cloud";

    public override string ToString() =>
        $"--issues {Issues} --changes {Changes} --poll-ms {PollMs} --bulk {Bulk} --comments {Comments} --attachment-kib {AttachmentKib} {PrivateJiraOption} {PrivateJiraName}";

    // Case-insensitive, as the sandbox's --private-jira.
    private static PrivateJira? ParsePrivateJira(string name) => name.ToLowerInvariant() switch
    {
        "cloud" => PrivateJira.Cloud,
        "datacenter" => PrivateJira.DataCenter,
        _ => null,
    };
}

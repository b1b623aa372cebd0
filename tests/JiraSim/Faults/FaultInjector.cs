namespace JiraSim.Faults;

/// <summary>The faults armed on one site. Thread-safe; a rule with a count is used up by matching requests.</summary>
public sealed class FaultInjector
{
    private readonly List<(FaultRule Rule, int? Left)> rules = [];
    private readonly Lock sync = new();

    public void Add(FaultRule rule)
    {
        lock (sync)
            rules.Add((rule, rule.Times));
    }

    public void Clear()
    {
        lock (sync)
            rules.Clear();
    }

    /// <summary>Per-issue write throttling as Jira Cloud does it (20 writes per 2 s, 100 per 30 s per issue).</summary>
    public bool PerIssueWriteLimit { get; set; }

    /// <summary>The first armed rule for this endpoint, counted as used.</summary>
    public FaultRule? Take(string endpoint)
    {
        lock (sync)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var (rule, left) = rules[i];
                if (rule.Endpoint is not null && rule.Endpoint != endpoint)
                    continue;
                if (left is { } n)
                {
                    if (n <= 1)
                        rules.RemoveAt(i);
                    else
                        rules[i] = (rule, n - 1);
                }
                return rule;
            }
            return null;
        }
    }
}

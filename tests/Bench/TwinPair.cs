using JiraSim.Model;

namespace ConnectAddon.Bench;

/// <summary>An issue of site A under sync and its twin on the private side (site B or site-dc), as the latency phases edit them one side at a time.</summary>
public sealed record TwinPair(string Name, SimIssue OnA, SimIssue OnB);

using Sandbox;

namespace ConnectAddon.Bench;

/// <summary>
/// DESIGN §10 "Jira REST calls per synced change": the simulator's per-endpoint request counts of the source and the
/// destination site over one latency phase, divided by the number of changes, and the writes on the source that can
/// only have come from an echo (the sync sending its own write back), which must be none. Site A is Jira Cloud (REST
/// v3); the private side is Cloud too or Data Center (REST v2), so its endpoints are named as its flavour has them.
/// </summary>
public sealed record RestCallReport(string SourceSite, IReadOnlyDictionary<string, int> Source, string DestinationSite, IReadOnlyDictionary<string, int> Destination,
    int Changes, PrivateJira PrivateJira, bool PrivateIsSource)
{
    /// <summary>A search is a read sent as POST; the private node's change capture sends one every poll interval.</summary>
    public const string CloudSearch = "POST /rest/api/3/search/jql";

    /// <summary>Data Center's search ("Search for issues using JQL (POST)", REST v2), a read sent as POST as well.</summary>
    public const string DataCenterSearch = "POST /rest/api/2/search";

    /// <summary>
    /// A read sent as POST too: the public node asks it when the benchmark's admin API calls (its settle checks) need
    /// the caller's ADMINISTER permission again; it has nothing to do with the sync. (Site A's, so always Cloud's.)
    /// </summary>
    public const string PermissionCheck = "POST /rest/api/3/permissions/check";

    /// <summary>The private side's search, which its change capture sends every poll interval.</summary>
    public string PrivateSearch => PrivateJira == PrivateJira.DataCenter ? DataCenterSearch : CloudSearch;

    /// <summary>The source's search: site A is always Cloud.</summary>
    private string SourceSearch => PrivateIsSource ? PrivateSearch : CloudSearch;

    /// <summary>Non-GET requests on the source other than the reads sent as POST: the source's issue was only ever read, so any is an echo's write.</summary>
    public int EchoWrites => Source.Where(c => !c.Key.StartsWith("GET ", StringComparison.Ordinal) && c.Key != SourceSearch && c.Key != PermissionCheck).Sum(c => c.Value);

    public void Print(TextWriter output, double phaseSeconds, TimeSpan pollInterval)
    {
        output.WriteLine($"  REST calls per synced change ({Changes} changes; per endpoint, calls/changes and the count):");
        PrintSide(output, $"source {SourceSite}", Source);
        PrintSide(output, $"destination {DestinationSite}", Destination);
        var idlePolls = phaseSeconds / pollInterval.TotalSeconds;
        output.WriteLine($"    note: {(PrivateIsSource ? SourceSite : DestinationSite)}'s {PrivateSearch} includes the private node's change capture, one search per");
        output.WriteLine($"          poll interval whether or not anything changed (about {idlePolls:0} in this phase's {phaseSeconds:0} s).");
        output.WriteLine($"  writes on the source caused by echoes   {EchoWrites}   (must be 0){(EchoWrites == 0 ? "" : "   FAILED")}");
    }

    private void PrintSide(TextWriter output, string title, IReadOnlyDictionary<string, int> counts)
    {
        output.WriteLine($"    {title}: {counts.Values.Sum() / (double)Changes:0.00} calls per change in all");
        foreach (var (endpoint, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            output.WriteLine($"      {endpoint,-58} {count / (double)Changes,6:0.00}   ({count})");
    }
}

namespace ConnectAddon.Sync.Model;

/// <summary>The names of the fields Basic mode carries, as they appear in <see cref="SyncPayload.Changed"/> and in a twin's agreed hashes.</summary>
public static class SyncedField
{
    public const string Summary = "summary";
    public const string Description = "description";
    public const string IssueType = "issueType";

    public static readonly IReadOnlyList<string> All = [Summary, Description, IssueType];

    /// <summary>The hash of each field of <paramref name="fields"/>, by name.</summary>
    public static Dictionary<string, string> Hashes(ReplicaFields fields) => new(StringComparer.Ordinal)
    {
        [Summary] = ContentHash.OfText(fields.Summary),
        [Description] = ContentHash.Of(fields.Description),
        // Mirrored by name: the receiver maps the name to one of its own types.
        [IssueType] = ContentHash.OfText(fields.IssueType.Name),
    };
}

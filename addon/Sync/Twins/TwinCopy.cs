namespace ConnectAddon.Sync.Twins;

/// <summary>A comment or attachment that the sync made here as the copy of the peer's <see cref="RemoteId"/>.</summary>
public sealed record TwinCopy(string Kind, string RemoteId, string? LocalId, string Hash, long StartedAtMs)
{
    public const string Comment = "comment";
    public const string Attachment = "attachment";
}

using System.Text.Json.Nodes;

namespace ConnectAddon.Sync.Model;

/// <summary>
/// One sync event as it travels (DESIGN §2: "one replica, or one 'stop syncing this issue'"), opaque to the transport.
/// <see cref="Issue"/> is always the SENDER's issue; the receiver finds its twin by that id (or by <see cref="TwinOf"/>,
/// the receiver's own issue id, when the sender knows it). Contract: Sync/README.md "Events".
/// </summary>
public sealed record SyncPayload
{
    public const string ReplicaType = "replica";
    public const string TwinType = "twin";
    public const string UnsyncType = "unsync";

    public required string Type { get; init; }
    public required ReplicaIssue Issue { get; init; }
    public string? TwinOf { get; init; }
    /// <summary>Replica only: every synced field, whether it changed or not.</summary>
    public ReplicaFields? Fields { get; init; }
    /// <summary>Replica only: the fields whose value differs from what both sides last agreed on (all of them the first time).</summary>
    public IReadOnlyList<string>? Changed { get; init; }
    /// <summary>Replica only: per changed field, the hash of the value the sender believed both sides agreed on before this change.</summary>
    public IReadOnlyDictionary<string, string>? Base { get; init; }
    public IReadOnlyList<ReplicaComment>? Comments { get; init; }
    public IReadOnlyList<ReplicaAttachment>? Attachments { get; init; }
    /// <summary>Unsync only: why ("stopped" by a user, or "deleted").</summary>
    public string? Reason { get; init; }
}

/// <summary>An issue as its own side names it.</summary>
public sealed record ReplicaIssue(string Id, string? Key, string? Url);

/// <summary>The fields Basic mode carries (DESIGN §7). Rich text is ADF already made safe for the other site.</summary>
public sealed record ReplicaFields(string Summary, JsonNode? Description, ReplicaIssueType IssueType);

public sealed record ReplicaIssueType(string Name, bool Subtask, int HierarchyLevel);

/// <summary>A comment written on the sender's side (never a copy the sync made there).</summary>
public sealed record ReplicaComment(string Id, string Author, DateTimeOffset? Created, DateTimeOffset? Updated, JsonNode? Body);

/// <summary>An attachment on the sender's side whose bytes the receiver fetches (or was given) through the transport.</summary>
public sealed record ReplicaAttachment(string Id, string FileName, string? MimeType, long Size, string Sha256);

using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Model;
using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// The replica of one issue for one connection (DESIGN §2, §7): exactly the synced fields, with rich text made safe for
/// the other site, and only the comments and attachments written on this side — the copies the sync made here of the
/// peer's items are left out, so they are never sent back.
/// </summary>
public static class ReplicaBuilder
{
    public static ReplicaFields Fields(JiraIssue issue)
    {
        var type = issue.IssueType;
        return new ReplicaFields(
            issue.Summary ?? "",
            PeerAdf.Prepare(issue.Description),
            new ReplicaIssueType(type?.Name ?? "Task", type?.Subtask ?? false, type?.HierarchyLevel ?? 0));
    }

    public static IReadOnlyList<ReplicaComment> Comments(IssueSnapshot snapshot, IReadOnlyList<TwinCopy> copies)
    {
        var copied = copies.Where(c => c.LocalId is not null).Select(c => c.LocalId!).ToHashSet(StringComparer.Ordinal);
        return snapshot.Comments
            .Where(c => !copied.Contains(c.Id))
            .Select(c => new ReplicaComment(c.Id, c.Author?.DisplayName ?? "Someone", c.Created, c.Updated, PeerAdf.Prepare(c.Body)))
            .ToList();
    }

    public static IReadOnlyList<JiraAttachment> NativeAttachments(IssueSnapshot snapshot, IReadOnlyList<TwinCopy> copies)
    {
        var copied = copies.Where(c => c.LocalId is not null).Select(c => c.LocalId!).ToHashSet(StringComparer.Ordinal);
        return snapshot.Attachments.Where(a => !copied.Contains(a.Id!)).ToList();
    }

    /// <summary>What "the comments and attachments changed" compares: one hash over both lists.</summary>
    public static string ItemsHash(IReadOnlyList<ReplicaComment> comments, IReadOnlyList<ReplicaAttachment> attachments) =>
        ContentHash.Of(new { comments, attachments });
}

using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Model;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// Brings the copies of the peer's comments and attachments in line with its replica (DESIGN §7): each new item is
/// copied once, an edited comment updates its copy, an item gone from the replica removes its copy. Each copy is
/// recorded as started before it is made; a copy started but not recorded (a crash) is first looked for in Jira —
/// a comment by its exact body, an attachment by name and size among the unrecorded ones — and only made when absent.
/// </summary>
public sealed class TwinCopies(TwinStore twins, PeerAttachmentBytes bytes, ILogger<TwinCopies> logger)
{
    public async Task<Result<bool>> ApplyAsync(Connection connection, JiraClient client, Twin twin, SyncPayload payload, CancellationToken cancel)
    {
        var comments = await ApplyCommentsAsync(client, twin, payload.Comments ?? [], cancel);
        if (!comments.IsSuccess)
            return comments;
        return await ApplyAttachmentsAsync(connection, client, twin, payload.Attachments ?? [], cancel);
    }

    private async Task<Result<bool>> ApplyCommentsAsync(JiraClient client, Twin twin, IReadOnlyList<ReplicaComment> incoming, CancellationToken cancel)
    {
        var issue = twin.LocalIssueId!;
        var known = (await twins.CopiesAsync(twin, TwinCopy.Comment, cancel)).ToDictionary(c => c.RemoteId, StringComparer.Ordinal);
        IReadOnlyList<JiraComment>? existing = null;
        foreach (var comment in incoming)
        {
            var hash = ContentHash.Of(comment);
            var body = PeerAdf.CommentCopy(comment);
            known.TryGetValue(comment.Id, out var copy);
            if (copy is { LocalId: not null } && copy.Hash == hash)
                continue;
            if (copy is { LocalId: { } localId })
            {
                var updated = await client.UpdateCommentAsync(issue, localId, body, notifyUsers: null, cancel);
                if (updated.IsSuccess)
                {
                    await twins.RecordCopyAsync(twin, TwinCopy.Comment, comment.Id, localId, hash, cancel);
                    continue;
                }
                if (updated.Error!.Kind != JiraErrorKind.NotFound)
                    return IncomingSync.Failed("Updating a comment failed", updated.Error);
                // Someone deleted the copy here: make it again.
            }
            else if (copy is not null)
            {
                existing ??= await ListCommentsAsync(client, issue, cancel);
                if (existing is null)
                    return ApiError.Unavailable("Reading the issue's comments failed.");
                var mapped = known.Values.Where(k => k.LocalId is not null).Select(k => k.LocalId!).ToHashSet(StringComparer.Ordinal);
                // As Jira holds it: on Data Center the body went through wiki markup.
                var bodyHash = ContentHash.Of(client.AsStored(body));
                if (existing.FirstOrDefault(c => !mapped.Contains(c.Id) && ContentHash.Of(c.Body) == bodyHash) is { } found)
                {
                    await twins.RecordCopyAsync(twin, TwinCopy.Comment, comment.Id, found.Id, hash, cancel);
                    known[comment.Id] = copy with { LocalId = found.Id };
                    continue;
                }
            }
            await twins.StartCopyAsync(twin, TwinCopy.Comment, comment.Id, hash, cancel);
            var added = await client.AddCommentAsync(issue, body, cancel);
            if (!added.IsSuccess)
                return IncomingSync.Failed("Adding a comment failed", added.Error!);
            await twins.RecordCopyAsync(twin, TwinCopy.Comment, comment.Id, added.Value!.Id, hash, cancel);
            known[comment.Id] = new TwinCopy(TwinCopy.Comment, comment.Id, added.Value.Id, hash, 0);
        }

        var wanted = incoming.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in known.Values.Where(c => !wanted.Contains(c.RemoteId)))
        {
            if (gone.LocalId is not null)
            {
                var deleted = await client.DeleteCommentAsync(issue, gone.LocalId, cancel);
                if (!deleted.IsSuccess && deleted.Error!.Kind != JiraErrorKind.NotFound)
                    return IncomingSync.Failed("Deleting a comment failed", deleted.Error);
            }
            await twins.RemoveCopyAsync(twin, TwinCopy.Comment, gone.RemoteId, cancel);
        }
        return true;
    }

    private async Task<Result<bool>> ApplyAttachmentsAsync(Connection connection, JiraClient client, Twin twin, IReadOnlyList<ReplicaAttachment> incoming, CancellationToken cancel)
    {
        var issue = twin.LocalIssueId!;
        var known = (await twins.CopiesAsync(twin, TwinCopy.Attachment, cancel)).ToDictionary(c => c.RemoteId, StringComparer.Ordinal);
        foreach (var attachment in incoming)
        {
            known.TryGetValue(attachment.Id, out var copy);
            if (copy is { LocalId: not null })
                continue; // attachments never change; a new version is a new attachment
            if (copy is not null && await FindUploadedAsync(client, issue, attachment, known, cancel) is { } found)
            {
                await twins.RecordCopyAsync(twin, TwinCopy.Attachment, attachment.Id, found, attachment.Sha256, cancel);
                known[attachment.Id] = copy with { LocalId = found };
                continue;
            }
            var file = await bytes.OpenAsync(connection, attachment, cancel);
            if (!file.IsSuccess)
                return file.Error!;
            await using (var content = file.Value!)
            {
                await twins.StartCopyAsync(twin, TwinCopy.Attachment, attachment.Id, attachment.Sha256, cancel);
                var uploaded = await client.UploadAttachmentAsync(issue, content.Content, attachment.FileName, attachment.MimeType, cancel);
                if (!uploaded.IsSuccess)
                    return IncomingSync.Failed($"Uploading '{attachment.FileName}' failed", uploaded.Error!);
                var localId = uploaded.Value!.FirstOrDefault()?.Id;
                if (localId is null)
                    return ApiError.Unavailable($"Jira's answer to uploading '{attachment.FileName}' names no attachment.");
                await twins.RecordCopyAsync(twin, TwinCopy.Attachment, attachment.Id, localId, attachment.Sha256, cancel);
                known[attachment.Id] = new TwinCopy(TwinCopy.Attachment, attachment.Id, localId, attachment.Sha256, 0);
                await content.AfterCopied();
            }
        }

        var wanted = incoming.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in known.Values.Where(c => !wanted.Contains(c.RemoteId)))
        {
            if (gone.LocalId is not null)
            {
                var deleted = await client.DeleteAttachmentAsync(gone.LocalId, cancel);
                if (!deleted.IsSuccess && deleted.Error!.Kind != JiraErrorKind.NotFound)
                    return IncomingSync.Failed("Deleting an attachment failed", deleted.Error);
            }
            await twins.RemoveCopyAsync(twin, TwinCopy.Attachment, gone.RemoteId, cancel);
        }
        return true;
    }

    private async Task<IReadOnlyList<JiraComment>?> ListCommentsAsync(JiraClient client, string issue, CancellationToken cancel)
    {
        var all = await client.GetAllCommentsAsync(issue, cancel);
        return all.IsSuccess ? all.Value : null;
    }

    /// <summary>An attachment with the same name and size that no recorded copy accounts for: the upload a crash interrupted.</summary>
    private async Task<string?> FindUploadedAsync(JiraClient client, string issue, ReplicaAttachment attachment, Dictionary<string, TwinCopy> known, CancellationToken cancel)
    {
        var read = await IssueSnapshot.ReadAsync(client, issue, cancel);
        if (!read.IsSuccess)
            return null;
        var mapped = known.Values.Where(k => k.LocalId is not null).Select(k => k.LocalId!).ToHashSet(StringComparer.Ordinal);
        var found = read.Value!.Attachments.FirstOrDefault(a => !mapped.Contains(a.Id!) && a.FileName == attachment.FileName && a.Size == attachment.Size);
        if (found is not null)
            logger.LogInformation("Found attachment {File} on {Issue}, uploaded before a restart", attachment.FileName, issue);
        return found?.Id;
    }
}

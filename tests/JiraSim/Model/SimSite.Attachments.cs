namespace JiraSim.Model;

public sealed partial class SimSite
{
    /// <returns>The attachment, or null when the issue already holds Jira's maximum (413 on the REST API).</returns>
    public SimAttachment? AddAttachment(SimUser actor, SimIssue issue, string fileName, string mimeType, byte[] content)
    {
        SimAttachment attachment;
        lock (Sync)
        {
            if (issue.Attachments.Count >= Limits.AttachmentsPerIssue)
                return null;
            var now = Clock.GetUtcNow();
            attachment = new SimAttachment
            {
                Id = NextAttachmentId(), IssueId = issue.Id, FileName = fileName, MimeType = mimeType, Content = content,
                AuthorAccountId = actor.AccountId, Created = now,
            };
            issue.Attachments.Add(attachment);
            issue.Updated = now;
        }
        // attachment_created bodies do not name the issue; the issue_updated's changelog does (DESIGN §7a).
        Announce(new SiteChange("attachment_created", actor, issue, Attachment: attachment));
        Announce(new SiteChange("jira:issue_updated", actor, issue, Attachment: attachment,
            Changelog: [new ChangelogItem("Attachment", null, null, attachment.Id, attachment.FileName)]));
        return attachment;
    }

    public SimAttachment? FindAttachment(string id, out SimIssue? owner)
    {
        foreach (var issue in Issues.Values)
            if (issue.Attachments.FirstOrDefault(a => a.Id == id) is { } found)
            {
                owner = issue;
                return found;
            }
        owner = null;
        return null;
    }

    public void DeleteAttachment(SimUser actor, SimIssue issue, SimAttachment attachment)
    {
        lock (Sync)
        {
            issue.Attachments.Remove(attachment);
            issue.Updated = Clock.GetUtcNow();
        }
        Announce(new SiteChange("attachment_deleted", actor, issue, Attachment: attachment));
        Announce(new SiteChange("jira:issue_updated", actor, issue, Attachment: attachment,
            Changelog: [new ChangelogItem("Attachment", attachment.Id, attachment.FileName, null, null)]));
    }
}

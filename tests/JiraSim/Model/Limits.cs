namespace JiraSim.Model;

/// <summary>Jira Cloud's per-issue limits ("Jira Cloud limits"): 5,000 comments and 2,000 attachments; beyond, 413.</summary>
public sealed record Limits(int CommentsPerIssue = 5000, int AttachmentsPerIssue = 2000, long MaxAttachmentBytes = 100L * 1024 * 1024);

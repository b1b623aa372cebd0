namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// A public-side Jira attachment that the private node of a connection may fetch as <paramref name="Ref"/>.
/// <paramref name="Sha256"/> is the lowercase hex SHA-256 of its bytes and <paramref name="Size"/> their length: both
/// travel with the bytes, so the receiver can check what arrived.
/// </summary>
public sealed record AttachmentOffer(string Ref, string JiraAttachmentId, string Sha256, long Size, string FileName, string? MediaType);

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The attachment transfer's settings, read from <c>Transport</c> like the rest of the transport (both roles: the
/// public node refuses larger uploads, the private node refuses larger downloads and does not try larger uploads).
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Transport";
    public const string MaxAttachmentBytesKey = Section + ":" + nameof(MaxAttachmentBytes);

    public const long DefaultMaxAttachmentBytes = 100L * 1024 * 1024;
    public const long SmallestMaxAttachmentBytes = 1024;
    public const long LargestMaxAttachmentBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// The largest attachment that crosses between nodes, in bytes. 100 MiB by default: the largest file a Jira Cloud
    /// site accepts by default, so anything a site can hold can cross. At most 2 GiB, which keeps a transfer within
    /// what a single streamed HTTP request and a disk file handle comfortably.
    /// </summary>
    public long MaxAttachmentBytes { get; set; } = DefaultMaxAttachmentBytes;

    /// <summary>Why the section could not be bound (a value that is no number), reported by the validator instead of thrown.</summary>
    internal string? BindingProblem { get; set; }
}

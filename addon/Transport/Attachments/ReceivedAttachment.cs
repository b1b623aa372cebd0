namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// Bytes that a connection's private node uploaded as <paramref name="Ref"/>, complete and checked against
/// <paramref name="Sha256"/>, kept in the file at <paramref name="FilePath"/> until the sync discards them.
/// </summary>
public sealed record ReceivedAttachment(string Ref, string Sha256, long Size, string FileName, string? MediaType, string FilePath)
{
    /// <summary>A fresh read-only stream over the stored bytes, from the start (seekable, so an upload to Jira can be retried).</summary>
    public Stream OpenRead() =>
        new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
}

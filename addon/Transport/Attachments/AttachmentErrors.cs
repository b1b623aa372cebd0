using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Attachments;

/// <summary>The refusals of the attachment routes, as values (their codes are part of the contract in Transport/README.md).</summary>
public static class AttachmentErrors
{
    public const string NotFoundCode = "attachment_not_found";
    public const string DeletedInJiraCode = "attachment_deleted_in_jira";
    public const string TooLargeCode = "attachment_too_large";
    public const string HashMismatchCode = "hash_mismatch";
    public const string LengthMismatchCode = "length_mismatch";
    public const string ConflictCode = "attachment_conflict";
    public const string JiraUnavailableCode = "jira_unavailable";

    public static ApiError MalformedRef(string reference) => ApiError.BadRequest(
        $"'{reference}' is no attachment ref: refs are 1 to {AttachmentRef.MaxLength} letters, digits, '-', '.', '_' or '~', starting with a letter or digit.");

    /// <summary>Not offered to this connection: the same answer whether the ref exists elsewhere or nowhere, so nothing leaks.</summary>
    public static ApiError NotOffered(string reference) => new(StatusCodes.Status404NotFound, NotFoundCode,
        $"No attachment '{reference}' is offered to this connection. The public node offers an attachment before it sends the event that refers to it.");

    public static ApiError DeletedInJira(string reference) => new(StatusCodes.Status404NotFound, DeletedInJiraCode,
        $"Attachment '{reference}' was offered, but Jira no longer has it (deleted, or no longer visible to the app).");

    public static ApiError TooLarge(long size, long limit) => new(StatusCodes.Status413PayloadTooLarge, TooLargeCode,
        $"The attachment is {ByteSize.Describe(size)} ({size} bytes); attachments between nodes may be at most {ByteSize.Describe(limit)} " +
        $"({limit} bytes), set by {AttachmentOptions.MaxAttachmentBytesKey}.");

    public static ApiError HashMismatch(string announced, string actual) => ApiError.BadRequest(
        $"The body's SHA-256 is {actual}, not the {announced} announced in {AttachmentHeaders.Sha256}; nothing was stored.") with { Code = HashMismatchCode };

    public static ApiError LengthMismatch(long announced, string what) => ApiError.BadRequest(
        $"The body {what}, but its Content-Length announced {announced} bytes; nothing was stored.") with { Code = LengthMismatchCode };

    public static ApiError Conflict(string reference, string stored) => new(StatusCodes.Status409Conflict, ConflictCode,
        $"Attachment '{reference}' is already stored for this connection with SHA-256 {stored}; a ref names one content only, so a different one needs a new ref.");

    public static readonly ApiError LengthRequired = new(StatusCodes.Status411LengthRequired, "length_required",
        "Send the attachment with a Content-Length header (its exact size in bytes); chunked bodies are not accepted.");

    public static readonly ApiError MissingSha256 = ApiError.BadRequest(
        $"The {AttachmentHeaders.Sha256} header must be the body's SHA-256 as 64 lowercase hex digits.");

    public static ApiError Jira(string reference, string problem) => new(StatusCodes.Status502BadGateway, JiraUnavailableCode,
        $"The bytes of attachment '{reference}' could not be read from Jira: {problem}. Try again later.");
}

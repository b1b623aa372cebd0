using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ConnectAddon.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The public node's side of <c>PUT …/attachments/{ref}</c>: checks the headers before reading a byte, streams the body
/// to a partial file while hashing it, and stores it only when its length and SHA-256 are what was announced. The body
/// is never held in memory, and nothing is stored unless the whole, correct file is on disk.
/// </summary>
public sealed class AttachmentReceiver(AttachmentShelf shelf, IOptions<AttachmentOptions> options, ILogger<AttachmentReceiver> logger)
{
    private const int ChunkBytes = 81920;

    public async Task<Result<ReceivedAttachment>> ReceiveAsync(string connectionId, string reference, HttpRequest request, CancellationToken cancel)
    {
        var described = Describe(reference, request);
        if (!described.IsSuccess)
            return described.Error;
        var upload = described.Value;

        if (await shelf.FindReceivedAsync(connectionId, reference, cancel) is { } stored)
        {
            // A retry whose first answer was lost: the bytes are here, so the body need not even be read.
            if (File.Exists(stored.FilePath))
                return stored.Sha256 == upload.Sha256 ? stored : AttachmentErrors.Conflict(reference, stored.Sha256);
            logger.LogWarning("The file of attachment {Ref} of connection {ConnectionId} is missing; storing it again", reference, connectionId);
            await shelf.ForgetLostAsync(connectionId, stored, cancel);
        }

        // Kestrel refuses bodies over 30 MB unless told otherwise; our own limit was checked against Content-Length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = upload.Size;

        var folder = shelf.FolderOf(connectionId);
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N");
        var partial = Path.Combine(folder, name + ".partial");
        var final = Path.Combine(folder, name + ".bin");
        var keep = false;
        try
        {
            var written = await WriteAsync(request.Body, partial, upload, cancel);
            if (!written.IsSuccess)
                return written.Error;
            // Complete and flushed: the rename makes it appear whole under its final name, and only then does a row point at it.
            File.Move(partial, final);
            var received = new ReceivedAttachment(reference, upload.Sha256, upload.Size, upload.FileName, upload.MediaType, final);
            if (!await shelf.TryStoreReceivedAsync(connectionId, received, cancel))
            {
                // A concurrent upload of the same ref stored first: theirs stands, ours goes.
                File.Delete(final);
                var winner = await shelf.FindReceivedAsync(connectionId, reference, cancel);
                return winner is not null && winner.Sha256 == upload.Sha256 ? winner : AttachmentErrors.Conflict(reference, winner?.Sha256 ?? "?");
            }
            keep = true;
            logger.LogInformation("Received attachment {Ref} for connection {ConnectionId}: {Size} bytes", reference, connectionId, upload.Size);
            return received;
        }
        finally
        {
            if (!keep)
            {
                // Refused, failed or cancelled: no file stays behind (File.Delete is quiet when there is none).
                File.Delete(partial);
                File.Delete(final);
            }
        }
    }

    private Result<Upload> Describe(string reference, HttpRequest request)
    {
        if (request.ContentLength is not { } size)
            return AttachmentErrors.LengthRequired;
        var limit = options.Value.MaxAttachmentBytes;
        if (size > limit)
            return AttachmentErrors.TooLarge(size, limit);
        var sha256 = request.Headers[AttachmentHeaders.Sha256].ToString();
        if (!AttachmentHeaders.IsSha256(sha256))
            return AttachmentErrors.MissingSha256;
        var fileName = AttachmentHeaders.DecodeFileName(request.Headers[AttachmentHeaders.FileName].ToString(), out var problem);
        if (fileName is null)
            return ApiError.BadRequest(problem!);
        string? mediaType = null;
        if (request.ContentType is { Length: > 0 } contentType)
        {
            if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is null)
                return ApiError.BadRequest($"The Content-Type '{contentType}' is not a media type.");
            mediaType = contentType;
        }
        return new Upload(size, sha256, fileName, mediaType);
    }

    /// <summary>Streams the body into <paramref name="path"/>, hashing as it goes; the file is flushed to disk before it is called complete.</summary>
    private static async Task<Result<bool>> WriteAsync(Stream body, string path, Upload upload, CancellationToken cancel)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        long total = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes, FileOptions.Asynchronous);
            while (true)
            {
                int read;
                try
                {
                    read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancel);
                }
                catch (Exception e) when (e is BadHttpRequestException or IOException && !cancel.IsCancellationRequested)
                {
                    // The sender stopped mid-body: nothing is stored, and it can simply send again.
                    return AttachmentErrors.LengthMismatch(upload.Size, $"could not be read to its end after {total} bytes ({e.Message})");
                }
                if (read == 0)
                    break;
                total += read;
                // Kestrel frames the body by its Content-Length; this guards any other server or proxy in front.
                if (total > upload.Size)
                    return AttachmentErrors.LengthMismatch(upload.Size, "is longer");
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancel); // a failing disk is our fault: a 500, not the sender's
            }
            if (total != upload.Size)
                return AttachmentErrors.LengthMismatch(upload.Size, $"ended after {total} bytes");
            await file.FlushAsync(cancel);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        return actual == upload.Sha256 ? true : AttachmentErrors.HashMismatch(upload.Sha256, actual);
    }

    private sealed record Upload(long Size, string Sha256, string FileName, string? MediaType);
}

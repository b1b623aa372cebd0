using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// Passes an attachment's bytes to the private node chunk by chunk, from Jira or from the copy the public node kept
/// when it hashed them (<see cref="AttachmentShelf.OpenKept"/>), with <c>Content-Length</c> and <c>X-Content-SHA256</c>
/// as offered. If the source breaks or holds another length, the response is aborted rather than completed: a cut-off
/// body is something the receiver notices, a "complete" wrong one only by its hash. <paramref name="sentWhole"/> runs
/// once every byte was written.
/// </summary>
public sealed class AttachmentStreamResult(AttachmentOffer offer, Stream source, IAsyncDisposable owner, ILogger logger, Action? sentWhole = null) : IResult
{
    private const int ChunkBytes = 81920;

    public AttachmentOffer Offer { get; } = offer;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var _ = owner;
        var response = httpContext.Response;
        var cancel = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/octet-stream";
        response.ContentLength = Offer.Size;
        response.Headers[AttachmentHeaders.Sha256] = Offer.Sha256;
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        long sent = 0;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancel);
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancel.IsCancellationRequested)
                {
                    logger.LogWarning("Reading attachment {Ref} broke after {Sent} of {Size} bytes: {Message}", Offer.Ref, sent, Offer.Size, e.Message);
                    httpContext.Abort();
                    return;
                }
                if (read == 0)
                    break;
                if (sent + read > Offer.Size)
                    break; // more than offered: caught below as a wrong length
                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancel);
                sent += read;
            }
            if (sent != Offer.Size)
            {
                logger.LogWarning("The bytes of attachment {Ref} are not the {Size} bytes offered; the answer was cut off", Offer.Ref, Offer.Size);
                httpContext.Abort();
                return;
            }
            await response.Body.FlushAsync(cancel);
            sentWhole?.Invoke();
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The private node went away; it asks again.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

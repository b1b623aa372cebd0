using System.Buffers;
using System.Net;
using System.Runtime.ExceptionServices;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The body of an attachment upload: exactly <c>size</c> bytes of the caller's stream, from its current position,
/// sent chunk by chunk (each chunk feeds the <see cref="TransferWatchdog"/>). The stream is not disposed with the
/// request: it belongs to the caller.
/// </summary>
internal sealed class UploadContent(Stream source, long size, TransferWatchdog watchdog) : HttpContent
{
    private const int ChunkBytes = 81920;

    /// <summary>How many bytes the source held when it ended too early; null when it held all <c>size</c>.</summary>
    public long? EndedAfter { get; private set; }

    /// <summary>
    /// The source stream's own failure (a local disk, say), kept so the client can rethrow it as it was: HttpClient would
    /// otherwise report it as a failed request, as if the public node were at fault.
    /// </summary>
    public ExceptionDispatchInfo? SourceFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long left = size;
            while (left > 0)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(ChunkBytes, left)), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SourceFailure = ExceptionDispatchInfo.Capture(e);
                    throw;
                }
                if (read == 0)
                {
                    EndedAfter = size - left;
                    throw new IOException($"The attachment's stream ended after {size - left} of {size} bytes.");
                }
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
                watchdog.Progress();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return true;
    }
}

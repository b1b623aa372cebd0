namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>A body of unknown length, sent chunked: no Content-Length header.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

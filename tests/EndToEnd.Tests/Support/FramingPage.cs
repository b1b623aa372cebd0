using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EndToEnd.Tests.Support;

/// <summary>
/// Someone else's page on this machine: a loopback server on a port of its own (another origin of the same host,
/// as in the attack this guards against) that answers every request with a page framing <c>framed</c>.
/// </summary>
public sealed class FramingPage : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] answer;
    private readonly Task loop;

    private FramingPage(string framed)
    {
        var html = $"<!DOCTYPE html><title>Framing</title><iframe id=\"framed\" src=\"{WebUtility.HtmlEncode(framed)}\"></iframe>";
        answer = Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(html)}\r\nConnection: close\r\n\r\n{html}");
        listener.Start();
        loop = ServeAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public static FramingPage Of(string framed) => new(framed);

    private async Task ServeAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                while (await reader.ReadLineAsync(stop.Token) is { Length: > 0 }) { } // the request's head
                await stream.WriteAsync(answer, stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}

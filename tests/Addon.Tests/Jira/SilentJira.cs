using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConnectAddon.Tests.Jira;

/// <summary>
/// A Jira whose answers are lost: it reads each request whole (so the request did arrive and could have been
/// processed), then resets the connection, or with <c>hang</c> keeps it open and never answers. It counts requests
/// as they arrive, so a count read after the client gave up is final (WireMock logs a request only once answered).
/// </summary>
public sealed class SilentJira : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly bool hang;
    private int received;

    public SilentJira(bool hang = false)
    {
        this.hang = hang;
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    public int Received => Volatile.Read(ref received);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await listener.AcceptSocketAsync(stop.Token); }
            catch (Exception) { return; }
            _ = AnswerNothingAsync(socket);
        }
    }

    private async Task AnswerNothingAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var text = new StringBuilder();
                var buffer = new byte[8192];
                int headerEnd;
                while ((headerEnd = text.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                {
                    var read = await socket.ReceiveAsync(buffer, stop.Token);
                    if (read == 0)
                        return;
                    text.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }
                var headers = text.ToString()[..headerEnd];
                var length = headers.Split("\r\n").Select(h => h.Split(':', 2)).Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(h => int.Parse(h[1].Trim())).FirstOrDefault();
                var bodyRead = text.Length - headerEnd - 4;
                while (bodyRead < length)
                {
                    var read = await socket.ReceiveAsync(buffer, stop.Token);
                    if (read == 0)
                        return;
                    bodyRead += read;
                }
                Interlocked.Increment(ref received);
                if (hang)
                    await Task.Delay(Timeout.Infinite, stop.Token);
                // Linger 0 makes Close send a reset: the answer is lost after the request arrived.
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception) { }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}

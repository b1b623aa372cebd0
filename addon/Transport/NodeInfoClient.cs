using System.Net.Sockets;
using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport;

/// <summary>
/// Reads <c>{destination}/transport/v1/info</c> through <see cref="DestinationUrlGuard"/>. Every failure is a value:
/// 400 <c>destination_refused</c> when the URL may not be reached, 502 <c>destination_unreachable</c> when no node
/// answered usefully there. Network problems never escape as exceptions.
/// </summary>
public sealed class NodeInfoClient(
    IHttpClientFactory clients, DestinationUrlGuard guard, IOptions<TransportOptions> options, ILogger<NodeInfoClient> logger) : INodeInfoClient
{
    /// <summary>The most an info answer may hold; a real one is a few hundred bytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    public async Task<Result<NodeInfo>> GetInfoAsync(string destinationUrl, CancellationToken cancel)
    {
        var destination = guard.Check(destinationUrl);
        if (!destination.IsSuccess)
        {
            logger.LogInformation("Destination URL refused before connecting: {Reason}", destination.Error.Message);
            return destination.Error;
        }
        var infoUrl = new Uri(destination.Value.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/transport/v1/info");
        var result = await FetchAsync(infoUrl, cancel);
        if (!result.IsSuccess)
            logger.LogInformation("Reading {InfoUrl} failed: {Code} {Reason}", infoUrl, result.Error.Code, result.Error.Message);
        return result;
    }

    private async Task<Result<NodeInfo>> FetchAsync(Uri infoUrl, CancellationToken cancel)
    {
        var timeout = options.Value.InfoTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeout); // covers connecting, the headers and the body alike
        try
        {
            using var client = clients.CreateClient(TransportSetup.DestinationClient);
            using var response = await client.GetAsync(infoUrl, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
                return DestinationErrors.Refused($"the destination redirects (HTTP {status}); enter the node's own URL, redirects are not followed.");
            if (!response.IsSuccessStatusCode)
                return DestinationErrors.Unreachable($"it answered HTTP {status} instead of a node's info; is this the URL of an Exalate node?");
            if (response.Content.Headers.ContentLength > MaxAnswerBytes)
                return DestinationErrors.Unreachable($"its answer is larger than {MaxAnswerBytes / 1024} KiB, far more than a node's info.");
            var body = await ReadAtMostAsync(response.Content, MaxAnswerBytes, deadline.Token);
            if (body is null)
                return DestinationErrors.Unreachable($"its answer is larger than {MaxAnswerBytes / 1024} KiB, far more than a node's info.");
            return NodeInfoJson.Read(body) is { } info
                ? info
                : DestinationErrors.Unreachable("its answer is not a node's info (JSON with name, version, role and connectionTypes); is this the URL of an Exalate node?");
        }
        catch (HttpRequestException e) when (DestinationUrlGuard.RefusalIn(e) is { } refused)
        {
            return DestinationErrors.Refused(refused.Reason);
        }
        catch (HttpRequestException e)
        {
            return DestinationErrors.Unreachable(Describe(e));
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return DestinationErrors.Unreachable($"it did not answer within {timeout.TotalSeconds:0.###} s.");
        }
        catch (IOException e) // the body broke off mid-way
        {
            return DestinationErrors.Unreachable("the connection broke while its answer arrived: " + e.Message);
        }
    }

    /// <summary>The whole body, or null when it holds more than <paramref name="limit"/> bytes (Content-Length may be absent or wrong).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, int limit, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        var buffer = new byte[limit + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancel)) > 0)
            filled += read;
        return filled > limit ? null : buffer[..filled];
    }

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "its host name could not be resolved.",
        HttpRequestError.ConnectionError when e.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } =>
            "its host name could not be resolved.",
        HttpRequestError.ConnectionError => "no connection could be made to it.",
        HttpRequestError.SecureConnectionError => "its TLS certificate or handshake was not accepted.",
        _ => "the request failed (" + e.HttpRequestError + ").",
    };
}

using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The private node's client for attachment bytes (Transport/README.md, "Attachment bytes"): GET and PUT on the public
/// node, each signed with a fresh <see cref="ConnectionToken"/> as exchanges are, streamed both ways and checked by
/// length and SHA-256. Failures are values; the key and the token never reach a log or a URL.
/// </summary>
public sealed class AttachmentTransferClient(
    IHttpClientFactory clients, IOptions<AttachmentOptions> limits, IOptions<PrivateNodeOptions> node, TimeProvider clock, ILogger<AttachmentTransferClient> logger)
{
    public const string HttpClientName = "public-node-attachments";

    private const int ChunkBytes = 81920;
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// Streams the bytes offered as <paramref name="reference"/> into <paramref name="destination"/> (not rewound, not
    /// closed) and returns how many arrived. An error when they are not exactly the announced length and SHA-256, over
    /// <see cref="AttachmentOptions.MaxAttachmentBytes"/>, or when the public node refuses: then discard what was written.
    /// </summary>
    public async Task<Result<long>> DownloadAsync(AttachmentPeer peer, string reference, Stream destination, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(destination);
        var target = Target(peer, reference);
        if (!target.IsSuccess)
            return target.Error;
        using var watchdog = new TransferWatchdog(node.Value.PublicNodeTimeout, cancel);
        using var request = Signed(HttpMethod.Get, target.Value, peer);
        long received = 0;
        var writing = false; // the caller's stream failing is the caller's exception, not the public node's failure
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token);
            if ((int)response.StatusCode != StatusCodes.Status200OK)
                return await RefusalAsync(response, watchdog.Token);

            var length = response.Content.Headers.ContentLength;
            var announced = response.Headers.TryGetValues(AttachmentHeaders.Sha256, out var values) ? values.FirstOrDefault() : null;
            if (length is null || !AttachmentHeaders.IsSha256(announced))
                return Invalid($"its answer for attachment '{reference}' lacks Content-Length or a valid {AttachmentHeaders.Sha256}");
            var limit = limits.Value.MaxAttachmentBytes;
            if (length > limit)
                return AttachmentErrors.TooLarge(length.Value, limit);

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var body = await response.Content.ReadAsStreamAsync(watchdog.Token);
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkBytes), watchdog.Token)) > 0)
                {
                    received += read;
                    if (received > length)
                        return Mismatch(AttachmentErrors.LengthMismatchCode, $"more than the {length} bytes announced arrived for attachment '{reference}'");
                    hash.AppendData(buffer, 0, read);
                    writing = true;
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancel);
                    writing = false;
                    watchdog.Progress();
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (received != length)
                return Mismatch(AttachmentErrors.LengthMismatchCode, $"{received} of the {length} bytes announced arrived for attachment '{reference}'");
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != announced)
                return Mismatch(AttachmentErrors.HashMismatchCode, $"the bytes of attachment '{reference}' have SHA-256 {actual}, not the {announced} announced");
            return received;
        }
        catch (Exception e) when (!writing && Failure(e, watchdog, peer, $"downloading attachment '{reference}' (after {received} bytes)") is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// Streams <paramref name="size"/> bytes of <paramref name="content"/> (from its current position; not closed) to
    /// the public node as <paramref name="reference"/>. True once the public node holds them, checked against
    /// <paramref name="sha256"/> (an upload it already holds with that hash is a success too).
    /// </summary>
    public async Task<Result<bool>> UploadAsync(AttachmentPeer peer, string reference, Stream content, long size, string sha256, string fileName,
        string? mediaType, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var target = Target(peer, reference);
        if (!target.IsSuccess)
            return target.Error;
        if (size < 0)
            return ApiError.BadRequest($"The size of attachment '{reference}' is negative.");
        if (size > limits.Value.MaxAttachmentBytes)
            return AttachmentErrors.TooLarge(size, limits.Value.MaxAttachmentBytes); // refused here, before a byte travels
        if (!AttachmentHeaders.IsSha256(sha256))
            return ApiError.BadRequest($"The SHA-256 of attachment '{reference}' must be 64 lowercase hex digits.");
        if (AttachmentHeaders.DecodeFileName(AttachmentHeaders.EncodeFileName(fileName), out var badName) is null)
            return ApiError.BadRequest(badName!);
        MediaTypeHeaderValue? type = null;
        if (mediaType is not null && !MediaTypeHeaderValue.TryParse(mediaType, out type))
            return ApiError.BadRequest($"'{mediaType}' is not a media type.");

        using var watchdog = new TransferWatchdog(node.Value.PublicNodeTimeout, cancel);
        var body = new UploadContent(content, size, watchdog);
        body.Headers.ContentType = type;
        using var request = Signed(HttpMethod.Put, target.Value, peer);
        request.Content = body;
        request.Headers.Add(AttachmentHeaders.Sha256, sha256);
        request.Headers.Add(AttachmentHeaders.FileName, AttachmentHeaders.EncodeFileName(fileName));
        // The public node answers a refusal, or a repeat it already holds, before reading the body: then none is sent.
        request.Headers.ExpectContinue = true;
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token);
            if ((int)response.StatusCode != StatusCodes.Status200OK)
                return await RefusalAsync(response, watchdog.Token);
            return true;
        }
        catch (Exception) when (body.SourceFailure is { } failure)
        {
            failure.Throw(); // the caller's stream failing is the caller's exception, not the public node's failure
            throw;
        }
        catch (Exception) when (body.EndedAfter is { } endedAfter)
        {
            return ApiError.BadRequest($"The content of attachment '{reference}' ended after {endedAfter} of the {size} bytes it was said to have; nothing was stored.");
        }
        catch (Exception e) when (Failure(e, watchdog, peer, $"uploading attachment '{reference}'") is { } failure)
        {
            return failure;
        }
    }

    private Result<Uri> Target(AttachmentPeer peer, string reference)
    {
        // Refs come from the peer's events: a malformed one is bad data to report, not a reason to throw.
        if (!AttachmentRef.IsWellFormed(reference))
            return AttachmentErrors.MalformedRef(reference);
        var url = new Uri(peer.PublicNodeBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')
            + "/transport/v1/connections/" + Uri.EscapeDataString(peer.ConnectionId) + "/attachments/" + reference);
        if (url.Scheme != Uri.UriSchemeHttps && !node.Value.AllowInsecurePublicNode)
            return ApiError.BadRequest($"{peer.PublicNodeBaseUrl} is not https (PrivateNode:AllowInsecurePublicNode is for development).");
        return url;
    }

    private HttpRequestMessage Signed(HttpMethod method, Uri url, AttachmentPeer peer)
    {
        var request = new HttpRequestMessage(method, url);
        // qsh covers method and path: this token is good for this ref, this direction and this connection only.
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT",
            ConnectionToken.Mint(peer.ConnectionId, peer.ConnectionKey, method.Method, url, peer.PublicNodeBaseUrl, clock.GetUtcNow()));
        return request;
    }

    /// <summary>A non-200 answer as the public node put it: its status, its error code and its message.</summary>
    private static async Task<ApiError> RefusalAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var status = (int)response.StatusCode;
        var fallback = new ApiError(status, "public_node_error", $"The public node answered HTTP {status}.");
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancel);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancel);
            using var json = JsonText.Parse(buffer.AsMemory(0, length));
            return json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String
                   && json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? new ApiError(status, code.GetString()!, "The public node refused: " + message.GetString())
                : fallback;
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            return fallback;
        }
    }

    private static ApiError Mismatch(string code, string what) =>
        new(StatusCodes.Status502BadGateway, code, $"The public node's answer is not what it announced: {what}. Discard what was written and try again.");

    private static ApiError Invalid(string what) =>
        new(StatusCodes.Status502BadGateway, "invalid_answer", $"The public node's answer is not what transport v1 describes: {what}.");

    private ApiError? Failure(Exception e, TransferWatchdog watchdog, AttachmentPeer peer, string doing)
    {
        ApiError? error = e switch
        {
            OperationCanceledException when watchdog.Expired => new ApiError(StatusCodes.Status504GatewayTimeout, "public_node_timeout",
                $"The public node sent or took nothing for {node.Value.PublicNodeTimeout} while {doing} (PrivateNode:PublicNodeTimeout)."),
            HttpRequestException request when DestinationUrlGuard.RefusalIn(request) is { } refused => new ApiError(StatusCodes.Status400BadRequest, "public_node_refused",
                $"This node will not call the public node while {doing}: {refused.Reason}"),
            HttpRequestException request => new ApiError(StatusCodes.Status502BadGateway, "public_node_unreachable",
                $"The request to the public node failed while {doing} ({request.HttpRequestError})."),
            IOException => new ApiError(StatusCodes.Status502BadGateway, "public_node_unreachable",
                $"The connection to the public node broke while {doing}."),
            _ => null, // the caller's own cancellation, and anything unexpected, are not ours to turn into values
        };
        if (error is not null)
            logger.LogWarning("Attachment transfer for connection {Peer} failed: {Message}", peer.ToString(), error.Message);
        return error;
    }
}

using System.Buffers.Text;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Transport;
using ConnectAddon.Transport.Invitations;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.PublicNode;

/// <summary>
/// The private node's side of the invitation routes of transport v1: every request goes out from here to the public
/// node named in the code, over the <see cref="HttpClientName"/> client (no redirects, no cookies). Failures are
/// values; the invitation secret and the nonce appear in request bodies only, never in URLs or logs.
/// </summary>
public sealed class PublicNodeClient(IHttpClientFactory clients, DestinationUrlGuard guard, IOptions<PrivateNodeOptions> options, TimeProvider clock, ILogger<PublicNodeClient> logger)
{
    public const string HttpClientName = "public-node";

    /// <summary>Accept attempts, the first included, when answers are lost; the public node replays its answer to the same nonce.</summary>
    public const int MaxAcceptAttempts = 4;

    /// <summary>The most an answer may hold; real ones are a few hundred bytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private const int MaxMessageLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<Result<InvitationStatusAnswer>> GetInvitationStatusAsync(InvitationCode code, CancellationToken cancel)
    {
        var url = RouteOf(code, "transport/v1/invitations/status");
        if (!url.IsSuccess)
            return url.Error;
        var answer = await PostAsync(url.Value, new { connectionId = code.ConnectionId, secret = code.Secret.ToText() }, cancel);
        if (answer.Status != 200)
            return Refusal(url.Value, code, answer);
        return Read<InvitationStatusAnswer>(answer) is { } status
               && status.Status is InvitationStatus.Valid or InvitationStatus.Expired or InvitationStatus.Used or InvitationStatus.Revoked
            ? status
            : PublicNodeErrors.Failed(code.PublicNodeUrl, "its invitation status is not what transport v1 describes.");
    }

    /// <summary>
    /// Accepts the invitation with <paramref name="nonce"/>. A lost answer is repeated with the same nonce, so the
    /// public node recognises the retry and answers it as it answered the first; it never consumes the code twice.
    /// </summary>
    public async Task<Result<AcceptAnswer>> AcceptAsync(InvitationCode code, ReadOnlyMemory<byte> nonce, ConnectionProject project, string? jira, CancellationToken cancel)
    {
        var url = RouteOf(code, "transport/v1/accept");
        if (!url.IsSuccess)
            return url.Error;
        var body = new
        {
            connectionId = code.ConnectionId,
            secret = code.Secret.ToText(),
            nonce = Base64Url.EncodeToString(nonce.Span),
            node = new { name = options.Value.Name, version = NodeVersion.Current, jira },
            project = new { key = project.Key, name = project.Name },
        };

        for (var attempt = 1; ; attempt++)
        {
            var answer = await PostAsync(url.Value, body, cancel);
            var accepted = answer.Status == 200 ? Read<AcceptAnswer>(answer) : null;
            // An unreadable success (empty, cut off) is lost as well: the public node may have accepted.
            var lost = answer.IsLost || (answer.Status == 200 && accepted is null);
            if (!lost || attempt == MaxAcceptAttempts)
            {
                if (answer.Status != 200)
                    return Refusal(url.Value, code, answer);
                if (accepted is null)
                    return PublicNodeErrors.Failed(code.PublicNodeUrl, "its accept answer is not what transport v1 describes.");
                if (accepted.ConnectionId != code.ConnectionId)
                    return PublicNodeErrors.Failed(code.PublicNodeUrl, $"it accepted connection {accepted.ConnectionId}, not {code.ConnectionId}.");
                return accepted;
            }
            logger.LogWarning("The answer to accepting {ConnectionId} at {Url} was lost ({Failure}); asking again with the same nonce (attempt {Attempt} of {Max})",
                code.ConnectionId, url.Value, answer.Failure ?? (answer.Status == 200 ? "an unreadable answer" : "HTTP " + answer.Status), attempt + 1, MaxAcceptAttempts);
            await Task.Delay(Backoff(attempt + 1), clock, cancel);
        }
    }

    // 250 ms, 500 ms, 1 s: a gateway hiccup or a restarting node, not an outage worth holding the admin for.
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 << (attempt - 2));

    private Result<Uri> RouteOf(InvitationCode code, string route)
    {
        if (code.PublicNodeUrl.Scheme != Uri.UriSchemeHttps && !options.Value.AllowInsecurePublicNode)
            return PublicNodeErrors.Insecure(code.PublicNodeUrl);
        // What the URL alone shows (an address literal in any spelling, localhost) is refused before anything is sent;
        // where a name leads is judged by the guarded client when it connects.
        if (guard.Refusal(new Uri(code.PublicNodeUrl.GetLeftPart(UriPartial.Path))) is { } refused)
            return PublicNodeErrors.Refused(code.PublicNodeUrl, refused);
        // The base URL may carry a path prefix (a node behind a reverse proxy); routes live below it.
        return new Uri(code.PublicNodeUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + route);
    }

    private async Task<PublicNodeAnswer> PostAsync(Uri url, object body, CancellationToken cancel)
    {
        var timeout = options.Value.PublicNodeTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeout); // connecting, the headers and the body alike
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(url, body, Json, deadline.Token);
            return new PublicNodeAnswer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(deadline.Token), null);
        }
        catch (HttpRequestException e) when (DestinationUrlGuard.RefusalIn(e) is { } refused)
        {
            return PublicNodeAnswer.RefusedBecause(refused.Reason);
        }
        catch (HttpRequestException e)
        {
            return PublicNodeAnswer.Lost(e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "its host name could not be resolved",
                HttpRequestError.ConnectionError => "no connection could be made to it",
                HttpRequestError.SecureConnectionError => "its TLS certificate or handshake was not accepted",
                HttpRequestError.ResponseEnded => "the connection closed before the answer arrived",
                _ => "the request failed (" + e.HttpRequestError + ")",
            });
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return PublicNodeAnswer.Lost($"it did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (IOException)
        {
            return PublicNodeAnswer.Lost("the connection broke while its answer arrived");
        }
    }

    /// <summary>A public node's refusal, passed on with its status and code where transport v1 defines them.</summary>
    private ApiError Refusal(Uri url, InvitationCode code, PublicNodeAnswer answer)
    {
        var error = answer.Status switch
        {
            null when answer.Refused is { } reason => PublicNodeErrors.Refused(code.PublicNodeUrl, reason),
            null => PublicNodeErrors.Unreachable(code.PublicNodeUrl, answer.Failure ?? "no answer"),
            404 => Read<RefusalBody>(answer) is { Error: "invitation_not_found" } notFound
                ? new ApiError(404, notFound.Error, Shorten(notFound.Message))
                : new ApiError(404, "invitation_not_found", $"The public node at {code.PublicNodeUrl} does not know this invitation."),
            400 or 409 or 410 when Read<RefusalBody>(answer) is { } refusal => new ApiError(answer.Status.Value, Shorten(refusal.Error), Shorten(refusal.Message)),
            502 or 503 or 504 => PublicNodeErrors.Unreachable(code.PublicNodeUrl, $"it (or a gateway before it) answered HTTP {answer.Status}."),
            >= 300 and < 400 => PublicNodeErrors.Failed(code.PublicNodeUrl, $"it redirects (HTTP {answer.Status}); redirects are not followed."),
            var status => PublicNodeErrors.Failed(code.PublicNodeUrl, $"it answered HTTP {status}."),
        };
        logger.LogInformation("{Url} did not take up invitation {ConnectionId}: HTTP {Status}, {Code}: {Reason}", url, code.ConnectionId, answer.Status, error.Code, error.Message);
        return error;
    }

    private static T? Read<T>(PublicNodeAnswer answer) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";

    private sealed record RefusalBody(string Error, string Message);
}

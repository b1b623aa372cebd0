using System.Net.Http.Headers;
using System.Text.Json;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Transport;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>
/// Sends one exchange to the public node over the <see cref="HttpClientName"/> client, signed with a fresh
/// <see cref="ConnectionToken"/>. Failures are values; the token and the key never reach a log or a URL.
/// </summary>
public sealed class ExchangeClient(IHttpClientFactory clients, IOptions<PrivateNodeOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "public-node-exchange";

    public async Task<ExchangeOutcome> ExchangeAsync(PollTarget target, ExchangeRequest request, CancellationToken cancel)
    {
        var url = new Uri(target.PublicNodeBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')
            + "/transport/v1/connections/" + Uri.EscapeDataString(target.ConnectionId) + "/exchange");
        if (url.Scheme != Uri.UriSchemeHttps && !options.Value.AllowInsecurePublicNode)
            return ExchangeOutcome.Failed($"{target.PublicNodeBaseUrl} is not https (PrivateNode:AllowInsecurePublicNode is for development).");

        // The public node holds an idle exchange up to the wait; the usual timeout applies on top of it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(request.WaitSeconds) + options.Value.PublicNodeTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(request.ToJson()) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("JWT",
            ConnectionToken.Mint(target.ConnectionId, target.ConnectionKey, "POST", url, target.PublicNodeBaseUrl, clock.GetUtcNow()));
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(message, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var status = (int)response.StatusCode;
            if (status == 200)
                return ExchangeAnswer.Read(body) is { } answer
                    ? ExchangeOutcome.Answered(answer)
                    : ExchangeOutcome.Failed("its answer is not what transport v1 describes");
            if (status == 410 && ErrorCode(body) == ExchangeErrors.ConnectionDeletedCode)
                return ExchangeOutcome.DeletedByPeer("The public node deleted this connection.");
            return ExchangeOutcome.Failed($"it answered HTTP {status}" + (ErrorCode(body) is { } code ? $" ({code})" : ""));
        }
        catch (HttpRequestException e) when (DestinationUrlGuard.RefusalIn(e) is { } refused)
        {
            return ExchangeOutcome.Failed("this node will not call it: " + refused.Reason);
        }
        catch (HttpRequestException e)
        {
            return ExchangeOutcome.Failed("the request failed (" + e.HttpRequestError + ")");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return ExchangeOutcome.Failed("it did not answer in time");
        }
        catch (IOException)
        {
            return ExchangeOutcome.Failed("the connection broke while its answer arrived");
        }
    }

    private static string? ErrorCode(byte[] body)
    {
        using var document = JsonText.Parse(body);
        return document is not null && document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var code)
               && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
    }
}

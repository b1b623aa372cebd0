namespace ConnectAddon.Transport;

/// <summary>
/// In front of a guarded handler that goes through <see cref="TransportOptions.OutboundProxy"/>: refuses a request
/// whose host the guard refuses, before any byte goes to the proxy. The refusal reaches the caller as an
/// <see cref="HttpRequestException"/> holding the <see cref="DestinationRefusedException"/>, as a refused connection does.
/// </summary>
internal sealed class ProxiedRequestCheck(DestinationUrlGuard guard, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        try
        {
            await guard.CheckBehindProxyAsync(request.RequestUri!, cancel);
        }
        catch (DestinationRefusedException refused)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, refused.Message, refused);
        }
        return await base.SendAsync(request, cancel);
    }
}

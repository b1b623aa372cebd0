namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>Sits between the private node's poller and the public node: the request arrives and is acted on, then its answer may be lost.</summary>
public sealed class FaultingHandler(ExchangeFaults faults) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        faults.Counted();
        var sent = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var carriesEvents = sent.Contains("\"seq\"", StringComparison.Ordinal) || answer.Contains("\"seq\"", StringComparison.Ordinal);
        if (carriesEvents && faults.TakeLoss())
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The answer was lost on the way (test fault).");
        }
        response.Content = new StringContent(answer, System.Text.Encoding.UTF8, "application/json");
        return response;
    }
}

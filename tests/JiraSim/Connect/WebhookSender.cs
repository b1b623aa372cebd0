using System.Net.Http.Headers;
using System.Text;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// One attempt of a delivery, signed as Jira signs webhooks ("Understanding JWT for Connect apps"): a fresh HS256
/// token per attempt with the app's current shared secret, <c>iss</c> = the site's clientKey and the <c>qsh</c> of
/// this POST relative to the app's base URL; <c>X-Atlassian-Webhook-Identifier</c> the same on every attempt,
/// <c>X-Atlassian-Webhook-Retry</c> counting the retries ("Webhooks: Retry policy").
/// </summary>
public sealed class WebhookSender(SimulatorState state, HttpClient http, ConnectRuntime runtime, WebhookLog log)
{
    public async Task<WebhookOutcome> SendAsync(WebhookDelivery delivery, int attempt, WebhookRetryPolicy policy, CancellationToken cancel)
    {
        var site = state.FindSite(delivery.SiteKey);
        SimApp? app = null;
        if (site is not null)
            lock (site.Sync)
                app = site.Apps.GetValueOrDefault(delivery.AppKey);
        if (site is null || app is null || !app.Enabled)
        {
            Log(delivery, attempt, null, "the app is no longer installed and enabled", WebhookOutcome.Discarded);
            return WebhookOutcome.Discarded;
        }

        var token = ConnectTokens.SharedSecret(app.SharedSecret, runtime.Identity(site).ClientKey, app.BaseUrl, delivery.Url, state.Clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        request.Headers.Add("X-Atlassian-Webhook-Identifier", delivery.Identifier);
        request.Headers.Add("X-Atlassian-Webhook-Flow", "Primary");
        if (attempt > 1)
            request.Headers.Add("X-Atlassian-Webhook-Retry", (attempt - 1).ToString());

        int? status = null;
        string? error = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(policy.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            error = $"no answer within {policy.Timeout.TotalSeconds:0.###} s";
        }

        var outcome = status is >= 200 and < 300 ? WebhookOutcome.Delivered
            : !WebhookRetryPolicy.IsRetryable(status) ? WebhookOutcome.Refused
            : attempt >= policy.MaxAttempts ? WebhookOutcome.GaveUp
            : WebhookOutcome.Retrying;
        Log(delivery, attempt, status, error, outcome);
        return outcome;
    }

    public void LogWithoutSending(WebhookDelivery delivery, WebhookOutcome outcome, string reason) => Log(delivery, 0, null, reason, outcome);

    private void Log(WebhookDelivery delivery, int attempt, int? status, string? error, WebhookOutcome outcome) =>
        log.Add(new WebhookAttempt(delivery.SiteKey, delivery.AppKey, delivery.Event, delivery.Url, delivery.Identifier, attempt, status, error,
            outcome, state.Clock.GetUtcNow(), delivery.Body));
}

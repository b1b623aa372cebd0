namespace JiraSim.Connect;

/// <summary>
/// One webhook to deliver to one app: its body is fixed when the change happens; its token is made per attempt,
/// with the app's shared secret at that time. <see cref="Identifier"/> is sent as
/// <c>X-Atlassian-Webhook-Identifier</c> and stays the same across retries and duplicates of this delivery.
/// </summary>
public sealed record WebhookDelivery(string Identifier, string SiteKey, string AppKey, string Event, Uri Url, string Body)
{
    /// <summary>Set on deliveries let go by <see cref="WebhookSwitches.Release"/>: they are not held or delayed again.</summary>
    public bool Released { get; init; }
}

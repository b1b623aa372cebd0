namespace JiraSim.Connect;

/// <summary>What became of one attempt of a webhook delivery.</summary>
public enum WebhookOutcome
{
    /// <summary>The app answered 2xx.</summary>
    Delivered,
    /// <summary>A retryable failure (408, 409, 425, 429, 5xx, no connection, timeout); another attempt follows.</summary>
    Retrying,
    /// <summary>A retryable failure on the last attempt: the delivery is abandoned.</summary>
    GaveUp,
    /// <summary>Any other answer (3xx, 4xx): Jira does not retry it.</summary>
    Refused,
    /// <summary>Lost on purpose by <see cref="WebhookSwitches.DropNext"/>; nothing was sent.</summary>
    Dropped,
    /// <summary>The app was uninstalled or disabled before the delivery went out; nothing was sent.</summary>
    Discarded,
}

namespace JiraSim.Connect;

/// <summary>One entry of the delivery log: an attempt (numbered from 1; a Discarded one was not sent), or a dropped delivery (attempt 0).</summary>
/// <param name="Status">The app's status code; null when nothing was sent or no answer came (see <paramref name="Error"/>).</param>
public sealed record WebhookAttempt(
    string SiteKey, string AppKey, string Event, Uri Url, string Identifier, int Attempt, int? Status, string? Error,
    WebhookOutcome Outcome, DateTimeOffset At, string Body);

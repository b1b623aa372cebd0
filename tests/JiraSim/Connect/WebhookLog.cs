namespace JiraSim.Connect;

/// <summary>Every delivery attempt, oldest first, for tests and the admin API to observe. Thread-safe.</summary>
public sealed class WebhookLog
{
    private readonly List<WebhookAttempt> entries = [];
    private readonly Lock sync = new();

    public IReadOnlyList<WebhookAttempt> Entries { get { lock (sync) return [.. entries]; } }

    /// <summary>The attempts the app answered with 2xx, optionally of one event.</summary>
    public IReadOnlyList<WebhookAttempt> Delivered(string? webhookEvent = null) =>
        [.. Entries.Where(e => e.Outcome == WebhookOutcome.Delivered && (webhookEvent is null || e.Event == webhookEvent))];

    public void Add(WebhookAttempt attempt)
    {
        lock (sync)
            entries.Add(attempt);
    }

    public void Clear()
    {
        lock (sync)
            entries.Clear();
    }
}

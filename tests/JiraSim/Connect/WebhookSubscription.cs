namespace JiraSim.Connect;

/// <summary>
/// One entry of the descriptor's <c>modules.webhooks</c> ("Connect modules: Webhook"): the event, the URL relative to
/// the app's base URL (it may hold context parameters such as <c>{issue.id}</c>), and whether the body is left out.
/// The JQL <c>filter</c> is kept but not applied: every matching event is sent (see README).
/// </summary>
public sealed record WebhookSubscription(string Event, string Url, bool ExcludeBody = false, string? Filter = null);

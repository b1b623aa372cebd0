namespace JiraSim.Connect;

/// <summary>One lifecycle callback the simulator made (installed, uninstalled, enabled, disabled) and the app's answer.</summary>
/// <param name="Status">The app's status code; null when it could not be reached (then <paramref name="Body"/> says why).</param>
public sealed record LifecycleCall(string SiteKey, string AppKey, string EventType, Uri Url, int? Status, string Body, DateTimeOffset At)
{
    public bool Succeeded => Status is 200 or 204;
}

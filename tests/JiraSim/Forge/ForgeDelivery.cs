namespace JiraSim.Forge;

/// <summary>
/// One attempt at a call Forge makes to the remote (an event, the lifecycle, a schedule, a page's invokeRemote):
/// where, which attempt, and what came back (<see cref="Status"/> null when nothing did in time).
/// </summary>
public sealed record ForgeDelivery(string SiteKey, string Kind, Uri Url, int Attempt, int? Status, string? Error, string Body, DateTimeOffset At)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

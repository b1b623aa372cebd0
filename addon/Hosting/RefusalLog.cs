namespace ConnectAddon.Hosting;

/// <summary>
/// Refusals worth an operator's attention (a Forge call whose token did not verify), logged at most once a minute
/// with how many were like it: an attacker's flood of bad tokens must not fill the log, and one honest failure
/// (a wrong Forge:AppId, clocks apart) must still show, with its reason.
/// </summary>
public sealed class RefusalLog(ILogger<RefusalLog> logger, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;
    private int suppressed;

    // Parts of a refusal may come from the request (its path): a log line holds a bounded piece of them.
    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public void Refused(string what, string reason)
    {
        int before;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now < next)
            {
                suppressed++;
                return;
            }
            next = now + Interval;
            before = suppressed;
            suppressed = 0;
        }
        logger.LogWarning("Refused {What}: {Reason} ({Suppressed} more refusals in the minute before were not logged)", Clip(what), Clip(reason), before);
    }
}

using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>How one exchange ended: an answer, the connection deleted on the public node, or a failure worth retrying later.</summary>
public sealed record ExchangeOutcome(ExchangeAnswer? Answer, bool Deleted, string? Failure)
{
    public static ExchangeOutcome Answered(ExchangeAnswer answer) => new(answer, false, null);
    public static ExchangeOutcome DeletedByPeer(string message) => new(null, true, message);
    public static ExchangeOutcome Failed(string reason) => new(null, false, reason);
}

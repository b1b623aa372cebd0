namespace ConnectAddon.Transport;

/// <summary>
/// Thrown by the guard's connect callback when a destination resolves to an address it may not reach. HttpClient wraps
/// it in an <see cref="HttpRequestException"/>; <see cref="NodeInfoClient"/> turns it back into a 400, not a 502.
/// </summary>
public sealed class DestinationRefusedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

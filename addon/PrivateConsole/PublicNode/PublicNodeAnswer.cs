namespace ConnectAddon.PrivateConsole.PublicNode;

/// <summary>
/// One request to a public node: its status and whole body, or why no answer arrived (<see cref="Status"/> null):
/// lost on the way (<see cref="Failure"/>), or never sent because the destination guard refused where the name led
/// (<see cref="Refused"/>).
/// </summary>
internal sealed record PublicNodeAnswer(int? Status, byte[] Body, string? Failure, string? Refused = null)
{
    /// <summary>
    /// The answer was lost on the way, so the public node may or may not have acted: no answer, or a gateway's
    /// 502/503/504. Only these are worth repeating with the same nonce.
    /// </summary>
    public bool IsLost => Refused is null && Status is null or 502 or 503 or 504;

    public static PublicNodeAnswer Lost(string failure) => new(null, [], failure);

    public static PublicNodeAnswer RefusedBecause(string reason) => new(null, [], null, reason);
}

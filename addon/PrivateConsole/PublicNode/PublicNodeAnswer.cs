namespace ConnectAddon.PrivateConsole.PublicNode;

/// <summary>
/// One request to a public node: its status and whole body, or why no answer arrived (<see cref="Status"/> null).
/// </summary>
internal sealed record PublicNodeAnswer(int? Status, byte[] Body, string? Failure)
{
    /// <summary>
    /// The answer was lost on the way, so the public node may or may not have acted: no answer, or a gateway's
    /// 502/503/504. Only these are worth repeating with the same nonce.
    /// </summary>
    public bool IsLost => Status is null or 502 or 503 or 504;

    public static PublicNodeAnswer Lost(string failure) => new(null, [], failure);
}

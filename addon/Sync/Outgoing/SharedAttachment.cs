namespace ConnectAddon.Sync.Outgoing;

/// <summary>An attachment made available to the peer (its hash known), or why it was not (<see cref="Problem"/>).</summary>
public sealed record SharedAttachment(string AttachmentId, string? Sha256, long Size, string? Problem);

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// One event of a connection in one direction (DESIGN §2): its place in that direction's sequence and its payload,
/// JSON text that the transport carries without reading (the sync defines it).
/// </summary>
/// <param name="QueuedAtMs">When the sender queued it (its clock): the receiver keeps it to show how long events take to arrive.</param>
public sealed record SyncEvent(long Sequence, string Payload, long? QueuedAtMs = null);

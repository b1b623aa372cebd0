namespace ConnectAddon.Sync.Capture;

/// <summary>What one poll of one connection found: how many changes it marked dirty, over how many search pages.</summary>
public sealed record CapturePoll(int Detected, int Pages);

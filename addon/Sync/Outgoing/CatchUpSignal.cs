using ConnectAddon.Hosting;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>"Look for what changed now": Forge's hourly scheduled call for an installation, which brings a fresh app token.</summary>
public sealed class CatchUpSignal : WakeUp;

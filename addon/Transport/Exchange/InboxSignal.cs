using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Exchange;

/// <summary>Events from the peer were stored in this process's inbox: the sync's incoming worker wakes.</summary>
public sealed class InboxSignal : WakeUp;

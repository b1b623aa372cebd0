using ConnectAddon.Hosting;
using ConnectAddon.Storage;

namespace ConnectAddon.Transport.Exchange;

/// <summary>Events from the peer were stored in the inbox, by this process or another: the sync's incoming worker (whichever process holds the connection's apply lease) wakes.</summary>
public sealed class InboxSignal : WakeUp
{
    public InboxSignal() { }

    public InboxSignal(DatabaseNotifications notifications) : base(notifications, "inbox") { }
}

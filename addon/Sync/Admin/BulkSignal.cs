using ConnectAddon.Hosting;
using ConnectAddon.Storage;

namespace ConnectAddon.Sync.Admin;

/// <summary>A bulk run was started (here or in another process): the processes' bulk runners look for it at once.</summary>
public sealed class BulkSignal : WakeUp
{
    public BulkSignal() { }

    public BulkSignal(DatabaseNotifications notifications) : base(notifications, "bulk") { }
}

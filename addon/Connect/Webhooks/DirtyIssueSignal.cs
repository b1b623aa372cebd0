using ConnectAddon.Hosting;
using ConnectAddon.Storage;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>An issue was marked dirty (a webhook, the private node's JQL capture, a bulk run), here or in another process: the sync's outgoing worker wakes.</summary>
public sealed class DirtyIssueSignal : WakeUp
{
    public DirtyIssueSignal() { }

    public DirtyIssueSignal(DatabaseNotifications notifications) : base(notifications, "dirty") { }
}

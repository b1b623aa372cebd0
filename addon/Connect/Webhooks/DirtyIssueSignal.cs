using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>An issue was marked dirty in this process (a webhook, the private node's JQL capture, a bulk run): the sync's outgoing worker wakes.</summary>
public sealed class DirtyIssueSignal : WakeUp;

namespace ConnectAddon.Sync;

/// <summary>Settings of the sync workers (section <c>Sync</c>; Sync/README.md).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>
    /// False pauses the sync on this node (maintenance, a migration, an incident): webhooks, the JQL capture and
    /// exchanges still record and acknowledge everything, and nothing is read, sent or applied until it is true again.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Issues read and sent at once by the outgoing worker.</summary>
    public int OutgoingConcurrency { get; set; } = 4;

    /// <summary>How long a claim on a dirty issue lasts without a heartbeat (renewed every third of it while the worker is busy): a crashed worker's claims are taken again after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often workers look for work queued by another process (work of this process wakes them at once).</summary>
    public TimeSpan IdleRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long applied incoming events are kept (for the record and for measuring delivery) before they are deleted.</summary>
    public TimeSpan KeepAppliedEvents { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A bulk run marks its next page only while fewer changed issues than this wait for its tenant (or private
    /// connection), counted with the events its connection has queued for the peer: the fair share that keeps one
    /// tenant's large run from delaying another's live changes, and bounds the run's work in flight.
    /// </summary>
    public int BulkQueuedLimit { get; set; } = 500;

    /// <summary>
    /// The points of Jira's hourly quota that bulk runs leave to live changes: once Jira says fewer are left
    /// (its <c>RateLimit</c> header's <c>r</c>), a bulk run waits for the quota's reset. Atlassian's default quota is
    /// 65,000 points an hour for the app across all sites; 15,000 keeps live changes flowing while bulk runs pause.
    /// </summary>
    public long BulkQuotaReserve { get; set; } = 15_000;

    /// <summary>Public node: how often Jira is asked which issues changed, to find what lost webhooks did not announce.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(5);
}

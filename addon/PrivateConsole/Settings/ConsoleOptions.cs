namespace ConnectAddon.PrivateConsole.Settings;

/// <summary>The console's admin login, bound to <c>Console</c>. Not a record: printing it must not show the password.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The user name of the console's one administrator.</summary>
    public const string AdminUser = "admin";

    /// <summary>
    /// Sets (or changes, at the next start) the password of <see cref="AdminUser"/>. When empty, the stored password
    /// stays, and on the very first start one is generated and printed once.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// The names the console is reached by (comma-separated), besides its IP addresses, <c>localhost</c> and the machine's
    /// own name: a change sent under any other Host is refused, which stops a page that rebinds its own name to this
    /// node's address (DNS rebinding) from acting on the console from an admin's browser.
    /// </summary>
    public string? Hosts { get; set; }

    /// <summary>A console session without a request for this long ends (at most 24 hours).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A console session ends this long after its login however busy it is (at least the idle timeout, at most 30 days).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

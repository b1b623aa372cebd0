using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Support;

/// <summary>
/// What Chromium reports when a page breaks its own Content-Security-Policy (a script, style or frame the policy
/// refuses): in every browser context these tests open, such a report fails the test it happened in
/// (<see cref="NoPolicyViolationsAttribute"/>). So the pages' headers are checked by the real browser on every journey.
/// </summary>
public static class PolicyViolations
{
    private static readonly ConcurrentQueue<string> Seen = new();

    public static void Watch(IBrowserContext context) => context.Console += (_, message) =>
    {
        if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            Seen.Enqueue(message.Text);
    };

    /// <summary>The violations reported so far, without taking them (a test that provokes one waits for it).</summary>
    public static bool Any(Func<string, bool> match) => Seen.Any(match);

    public static IReadOnlyList<string> TakeAll()
    {
        var all = new List<string>();
        while (Seen.TryDequeue(out var one))
            all.Add(one);
        return all;
    }
}

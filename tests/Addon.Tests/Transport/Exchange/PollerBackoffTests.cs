using ConnectAddon.PrivateConsole.Poller;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>The wait between failed exchanges: from about the minimum up to about the maximum, never all private nodes at once.</summary>
public class PollerBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [TestCase(1, 0.5, 1)]
    [TestCase(2, 1, 2)]
    [TestCase(4, 4, 8)]
    [TestCase(7, 30, 60)]
    [TestCase(1000, 30, 60)]
    public void Backoff_DoublesFromTheMinimumUpToTheMaximum_WithAtMostHalfTakenOff(int failures, double atLeast, double atMost)
    {
        var random = new Random(failures);
        for (var i = 0; i < 100; i++)
            Assert.That(PollerBackoff.After(failures, Min, Max, random).TotalSeconds, Is.InRange(atLeast, atMost));
    }

    [Test]
    public void Backoff_IsJittered()
    {
        var random = new Random(1);
        var waits = Enumerable.Range(0, 20).Select(_ => PollerBackoff.After(5, Min, Max, random)).Distinct().Count();
        Assert.That(waits, Is.GreaterThan(10));
    }
}

using ConnectAddon.Sync.Capture;

namespace ConnectAddon.Tests.Sync;

public class PollBackoffTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Test]
    public void Delay_AfterRepeatedFailures_GrowsFromTheIntervalToTheMaximumWithJitter()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(1, 8).Select(failures => Enumerable.Range(0, 200)
            .Select(_ => PollBackoff.Delay(failures, Interval, Max, null, random)).ToList()).ToList();

        Assert.That(waits[0], Is.All.InRange(Interval, 2 * Interval));
        Assert.That(waits[1], Is.All.InRange(2 * Interval, 4 * Interval));
        Assert.That(waits[7], Is.All.InRange(Max / 2, Max));
        Assert.That(waits[7].Distinct().Count(), Is.GreaterThan(100), "jittered, so nodes do not poll in step");
    }

    [Test]
    public void Delay_WhenJiraAsksForLonger_WaitsAsLongAsRetryAfter()
    {
        var wait = PollBackoff.Delay(1, Interval, Max, TimeSpan.FromMinutes(5), new Random(1));
        Assert.That(wait, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }
}

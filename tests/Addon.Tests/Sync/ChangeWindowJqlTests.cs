using ConnectAddon.Sync.Capture;

namespace ConnectAddon.Tests.Sync;

public class ChangeWindowJqlTests
{
    [Test]
    public void For_InstantWithSeconds_RoundsDownToTheMinuteInUtc()
    {
        var jql = ChangeWindowJql.For("GLX", new DateTimeOffset(2026, 3, 2, 9, 28, 59, 999, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.That(jql, Is.EqualTo("project = \"GLX\" AND updated >= \"2026-03-02 09:28\" ORDER BY updated ASC, id ASC"));
    }

    [Test]
    public void For_SearcherInAnotherZone_WritesTheLiteralInThatZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var jql = ChangeWindowJql.For("GLX", new DateTimeOffset(2026, 1, 15, 9, 28, 30, TimeSpan.Zero), berlin);
        Assert.That(jql, Does.Contain("updated >= \"2026-01-15 10:28\""));
    }

    [Test]
    public void For_InstantInTheHourRepeatedAtTheEndOfSummerTime_StartsAnHourEarlier()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 2026-10-25 00:30 UTC is 02:30 summer time in Berlin; 02:30 comes again at 01:30 UTC in winter time.
        var jql = ChangeWindowJql.For("GLX", new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), berlin);
        Assert.That(jql, Does.Contain("updated >= \"2026-10-25 01:30\""));
    }

    [Test]
    public void For_ProjectKeyWithQuotes_IsEscapedAsAJqlString()
    {
        var jql = ChangeWindowJql.For("A\"B\\C", DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        Assert.That(jql, Does.StartWith("project = \"A\\\"B\\\\C\" AND"));
    }
}

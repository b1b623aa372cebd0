using JiraSim.Jql;

namespace JiraSim.Tests.Jql;

public sealed class JqlDateTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 15, 30, 45, TimeSpan.Zero);

    private static JqlDate Parse(string text) => JqlDate.Parse(text, Now) ?? throw new AssertionException($"'{text}' is not a date.");

    [TestCase("2024-05-01 09:15")]
    [TestCase("2024/05/01 09:15")]
    public void Parse_DateAndTime_IsThatMinuteInUtc(string text) =>
        Assert.That(Parse(text), Is.EqualTo(new JqlDate(new DateTimeOffset(2024, 5, 1, 9, 15, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1))));

    [TestCase("2024-05-01")]
    [TestCase("2024/05/01")]
    public void Parse_DateAlone_IsMidnightUtcComparedByDay(string text) =>
        Assert.That(Parse(text), Is.EqualTo(new JqlDate(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1))));

    [TestCase("-5m", -5 * 60)]
    [TestCase("-1h", -60 * 60)]
    [TestCase("-2d", -2 * 86400)]
    [TestCase("-1w", -7 * 86400)]
    [TestCase("-4w 2d", -30 * 86400)]
    [TestCase("-1d2h", -26 * 3600)]
    [TestCase("3h", 3 * 3600)]
    [TestCase("+15m", 15 * 60)]
    public void Parse_Period_CountsFromNow(string text, int seconds) =>
        Assert.That(Parse(text).Instant, Is.EqualTo(Now.AddSeconds(seconds)));

    [TestCase("yesterday")]
    [TestCase("2024-13-01")]
    [TestCase("2024-05-01T09:15")]
    [TestCase("01/05/2024")]
    [TestCase("-5x")]
    [TestCase("-5M")]
    [TestCase("-")]
    [TestCase("")]
    [TestCase("-999999999w")]
    [TestCase("999999999w 999999999w")]
    public void Parse_AnythingElse_IsNoDate(string text) => Assert.That(JqlDate.Parse(text, Now), Is.Null);

    [Test]
    public void Matches_Comparisons_CompareExactInstants()
    {
        var value = Parse("2024-05-01 09:15");
        var at = new DateTimeOffset(2024, 5, 1, 9, 15, 0, TimeSpan.Zero);
        var later = at.AddSeconds(30);
        Assert.Multiple(() =>
        {
            Assert.That(value.Matches(later, JqlOperator.GreaterThan), Is.True);
            Assert.That(value.Matches(at, JqlOperator.GreaterThan), Is.False);
            Assert.That(value.Matches(at, JqlOperator.GreaterThanOrEquals), Is.True);
            Assert.That(value.Matches(later, JqlOperator.LessThanOrEquals), Is.False);
            Assert.That(value.Matches(at, JqlOperator.LessThanOrEquals), Is.True);
            Assert.That(value.Matches(at.AddTicks(-1), JqlOperator.LessThan), Is.True);
        });
    }

    [Test]
    public void Matches_Equality_ComparesAtTheValuesPrecision()
    {
        var minute = Parse("2024-05-01 09:15");
        var day = Parse("2024-05-01");
        Assert.Multiple(() =>
        {
            Assert.That(minute.Matches(new DateTimeOffset(2024, 5, 1, 9, 15, 59, TimeSpan.Zero), JqlOperator.Equals), Is.True);
            Assert.That(minute.Matches(new DateTimeOffset(2024, 5, 1, 9, 16, 0, TimeSpan.Zero), JqlOperator.Equals), Is.False);
            Assert.That(day.Matches(new DateTimeOffset(2024, 5, 1, 23, 59, 0, TimeSpan.Zero), JqlOperator.Equals), Is.True);
            Assert.That(day.Matches(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), JqlOperator.NotEquals), Is.True);
        });
    }
}

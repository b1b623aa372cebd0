using ConnectAddon.Jira.Quota;

namespace ConnectAddon.Tests.Jira.Quota;

/// <summary>Jira's quota headers as Atlassian documents them and as partners logged them ("Rate limiting"; community thread "2026 point-based rate limits").</summary>
public sealed class QuotaReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 14, 25, 0, TimeSpan.Zero);

    private static HttpResponseMessage Answer(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    [Test]
    public void ABetaHeaderWithPointsLeft_SaysThemAndWhenTheQuotaResets()
    {
        using var answer = Answer(("Beta-RateLimit-Policy", "\"tenant-app-quota\";q=100100;w=3600"), ("Beta-RateLimit", "\"tenant-app-quota\";r=17842;t=2107"));
        Assert.That(QuotaReading.From(answer, Now), Is.EqualTo(new QuotaReading("tenant-app-quota", 17842, Now.AddSeconds(2107))));
    }

    [Test]
    public void SeveralPolicies_TheOneWithFewestPointsLeftBinds_AndTheEnforcedHeaderIsReadToo()
    {
        using var answer = Answer(("RateLimit", "\"tenant-app-quota\";r=40000;t=600, \"global-app-quota\";r=11000;t=600"));
        var reading = QuotaReading.From(answer, Now)!;
        Assert.That((reading.Policy, reading.Remaining, reading.AcrossAllSites), Is.EqualTo(("global-app-quota", 11000L, true)));
    }

    [TestCase("\"global-app-quota\";t=600")] // r is left out until about 80 % are used
    [TestCase("not a policy")]
    public void WithoutPointsLeft_NothingIsRead(string value)
    {
        using var answer = Answer(("Beta-RateLimit", value));
        Assert.That(QuotaReading.From(answer, Now), Is.Null);
    }
}

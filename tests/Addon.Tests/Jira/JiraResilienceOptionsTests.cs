using ConnectAddon.Jira.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.Jira;

/// <summary>The pipeline's timings come from <c>Jira:Resilience</c>, with defaults, and nonsense is refused by name.</summary>
public class JiraResilienceOptionsTests
{
    [Test]
    public void NothingConfigured_GivesTheDocumentedDefaults()
    {
        var defaults = new JiraResilienceOptions();

        Assert.Multiple(() =>
        {
            Assert.That(defaults.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(defaults.TotalTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(defaults.TransferTimeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(defaults.MaxAttempts, Is.EqualTo(4));
            Assert.That(defaults.BackoffBase, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(defaults.MaxBackoff, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(defaults.MaxRetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(defaults.MaxTotalRetryWait, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(defaults.CircuitFailureRatio, Is.EqualTo(0.5));
            Assert.That(defaults.CircuitMinimumThroughput, Is.EqualTo(10));
            Assert.That(defaults.CircuitSamplingDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(defaults.CircuitBreakDuration, Is.EqualTo(TimeSpan.FromSeconds(15)));
        });
    }

    [Test]
    public void ConfiguredSection_IsBoundToTheOptions()
    {
        using var harness = new JiraHarness(new() { ["Jira:Resilience:MaxAttempts"] = "5", ["Jira:Resilience:CircuitBreakDuration"] = "00:00:45" });

        var options = harness.Services.GetRequiredService<IOptions<JiraResilienceOptions>>().Value;

        Assert.That(options.MaxAttempts, Is.EqualTo(5));
        Assert.That(options.CircuitBreakDuration, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(2)), "the harness's short timings");
    }

    [Test]
    public void NonsensicalTimings_AreRefusedNamingTheKey()
    {
        using var harness = new JiraHarness(new() { ["Jira:Resilience:MaxAttempts"] = "0", ["Jira:Resilience:CircuitMinimumThroughput"] = "1" });

        var refused = Assert.Throws<OptionsValidationException>(() => _ = harness.Services.GetRequiredService<IOptions<JiraResilienceOptions>>().Value);

        Assert.That(refused!.Message, Does.Contain("Jira:Resilience:MaxAttempts"));
        Assert.That(refused.Message, Does.Contain("Jira:Resilience:CircuitMinimumThroughput"));
    }
}

using ConnectAddon.TestKit;
using ConnectAddon.Transport.Attachments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary><c>Transport:MaxAttachmentBytes</c>: 100 MiB unless set, 1 KiB to 2 GiB, and anything else stops start-up naming the key.</summary>
public class AttachmentOptionsTests
{
    private static AttachmentOptions Read(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddAttachments();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AttachmentOptions>>().Value;
    }

    [Test]
    public void Limit_NothingConfigured_Is100MiB() => Assert.That(Read([]).MaxAttachmentBytes, Is.EqualTo(104857600));

    [TestCase("1024")]
    [TestCase("2147483648")]
    public void Limit_AtTheBounds_IsAccepted(string value) =>
        Assert.That(Read(new() { ["Transport:MaxAttachmentBytes"] = value }).MaxAttachmentBytes, Is.EqualTo(long.Parse(value)));

    [TestCase("1023")]
    [TestCase("2147483649")]
    [TestCase("-1")]
    [TestCase("100MB")]
    public void Limit_OutOfRangeOrNoNumber_IsRefusedNamingTheKey(string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Transport:MaxAttachmentBytes"] = value }));

        Assert.That(refused!.Message, Does.Contain("Transport:MaxAttachmentBytes"));
    }

    [Test]
    public async Task Limit_Invalid_StopsTheNodeAtStartWithAMessageNamingIt()
    {
        var (exitCode, output, errors) = await NodeProcess.StartExpectingFailureAsync(new Dictionary<string, string>
        {
            ["Transport:MaxAttachmentBytes"] = "512",
        });

        Assert.That(exitCode, Is.EqualTo(2), output + errors);
        Assert.That(errors, Does.Contain("Transport:MaxAttachmentBytes").And.Contain("1 KiB"));
        Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
    }

    [TestCase(1023, "1023 bytes")]
    [TestCase(1024, "1 KiB")]
    [TestCase(104857600, "100 MiB")]
    [TestCase(1572864, "1.5 MiB")]
    [TestCase(2147483648, "2 GiB")]
    public void ByteSize_Describe_UsesHumanUnits(long bytes, string text) => Assert.That(ByteSize.Describe(bytes), Is.EqualTo(text));
}

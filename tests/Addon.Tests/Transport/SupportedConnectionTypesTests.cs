using ConnectAddon.Transport;

namespace ConnectAddon.Tests.Transport;

public class SupportedConnectionTypesTests
{
    [Test]
    public void SharedWith_ANodeSupportingMore_KeepsOnlyWhatBothSupport()
    {
        var theirs = new[] { new ConnectionTypeInfo("private", ["basic", "script"]), new ConnectionTypeInfo("public", ["basic"]) };

        var shared = SupportedConnectionTypes.SharedWith(theirs);

        Assert.That(shared, Has.Count.EqualTo(1));
        Assert.That(shared[0].Type, Is.EqualTo("private"));
        Assert.That(shared[0].Modes, Is.EqualTo(new[] { "basic" }));
    }

    [Test]
    public void SharedWith_ANodeWithNothingInCommon_IsEmpty()
    {
        var theirs = new[] { new ConnectionTypeInfo("private", ["script"]), new ConnectionTypeInfo("public", ["basic"]) };

        Assert.That(SupportedConnectionTypes.SharedWith(theirs), Is.Empty);
    }
}

using ConnectAddon.Connections;

namespace ConnectAddon.Tests.Connections;

/// <summary>Connection ids: <c>con_</c> and 26 lowercase base32 characters of 16 random bytes, the same on both sides.</summary>
public class ConnectionIdTests
{
    [Test]
    public void New_IsConAnd26LowercaseBase32Characters()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ConnectionId.New()).ToList();

        Assert.That(ids, Has.All.Match("^con_[a-z2-7]{26}$"));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
        Assert.That(ids, Has.All.Matches<string>(ConnectionId.IsWellFormed));
    }

    [TestCase(new byte[] { 0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72 }, "mzxw6ytboi", TestName = "Base32 of foobar is RFC 4648's vector")]
    [TestCase(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, "aaaqeayeaudaocajbifqydiob4", TestName = "Base32 of 16 bytes is 26 characters")]
    public void Base32_FollowsRfc4648(byte[] bytes, string expected) => Assert.That(ConnectionId.Base32(bytes), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("con_")]
    [TestCase("con_AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("con_aaaaaaaaaaaaaaaaaaaaaaaaa1")]
    [TestCase("con_aaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("cxn_aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("con_aaaaaaaaaaaaaaaaaaaaaaaaaa\n")]
    public void IsWellFormed_RefusesOtherShapes(string? text) => Assert.That(ConnectionId.IsWellFormed(text), Is.False);
}

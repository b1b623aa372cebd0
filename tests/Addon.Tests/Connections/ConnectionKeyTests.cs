using System.Security.Cryptography;
using ConnectAddon.Connections;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Connections;

/// <summary>Both nodes derive the connection key from the invitation secret and the accept nonce (DESIGN §6), so it never travels.</summary>
public class ConnectionKeyTests
{
    private static readonly byte[] Secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = Enumerable.Range(32, 32).Select(i => (byte)i).ToArray();

    [Test]
    public void Derive_IsBase64UrlOfHmacSha256OfTheNonceUnderTheSecret()
    {
        var expected = Base64Url.Encode(new HMACSHA256(Secret).ComputeHash(Nonce));
        Assert.That(ConnectionKey.Derive(Secret, Nonce), Is.EqualTo(expected));
    }

    [Test]
    public void Derive_MatchesAVectorComputedOutsideDotNet()
    {
        // python3: base64.urlsafe_b64encode(hmac.new(bytes(range(32)), bytes(range(32, 64)), hashlib.sha256).digest()).rstrip(b'=')
        Assert.That(ConnectionKey.Derive(Secret, Nonce), Is.EqualTo("YiFd573c6n4sQEf_a7lPjRgmL8iz82SBNLt9RBWP-E0"));
    }

    [Test]
    public void Derive_DiffersForAnotherNonce()
    {
        var other = (byte[])Nonce.Clone();
        other[^1] ^= 1;
        Assert.That(ConnectionKey.Derive(Secret, other), Is.Not.EqualTo(ConnectionKey.Derive(Secret, Nonce)));
    }

    [TestCase(31, 32)]
    [TestCase(32, 0)]
    [TestCase(33, 32)]
    public void Derive_RefusesSecretsAndNoncesOfAnotherLength(int secretBytes, int nonceBytes) =>
        Assert.Throws<ArgumentException>(() => ConnectionKey.Derive(new byte[secretBytes], new byte[nonceBytes]));
}

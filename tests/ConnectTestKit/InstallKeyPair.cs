using System.Security.Cryptography;

namespace ConnectAddon.TestKit;

/// <summary>An install-signing key pair as Atlassian's key server publishes it: a kid, and its public key as PEM.</summary>
public sealed class InstallKeyPair : IDisposable
{
    public InstallKeyPair(string? kid = null)
    {
        Kid = kid ?? "test-key-" + Guid.NewGuid().ToString("N")[..12];
        Rsa = RSA.Create(2048);
    }

    public string Kid { get; }
    public RSA Rsa { get; }
    public string PublicKeyPem => Rsa.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => Rsa.Dispose();
}

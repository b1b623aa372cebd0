using System.Net;

namespace ConnectAddon.Transport;

/// <summary>Turns a host name into addresses for the guard's connect callback; tests substitute one to play DNS rebinding.</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancel);
}

using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectAddon.Jira;

/// <summary>
/// Signs every request to a tenant's Jira as the app ("Understanding JWT for Connect apps", making a JWT):
/// HS256 with the tenant's shared secret, <c>iss</c> = the app key (not the clientKey), <c>iat</c> now,
/// <c>exp</c> 180 s later, and the <c>qsh</c> of this request relative to the tenant's base URL.
/// </summary>
public sealed class ConnectJwtSigner(AddonSettings settings, TimeProvider clock) : DelegatingHandler
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(180);
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(JiraRequestOptions.Tenant, out var tenant))
            throw new InvalidOperationException("A request to Jira must name its tenant (JiraRequestOptions.Tenant).");
        request.Headers.Authorization = new("JWT", CreateToken(request.Method.Method, request.RequestUri!, tenant));
        return base.SendAsync(request, cancellationToken);
    }

    public string CreateToken(string method, Uri target, Tenant tenant)
    {
        if (!target.AbsoluteUri.StartsWith(tenant.BaseUrl.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Refusing to sign a request outside the tenant's own site.");
        if (tenant.SharedSecret is not { Length: > 0 } secret)
            throw new InvalidOperationException("Only a Connect install has a shared secret to sign with.");
        var now = clock.GetUtcNow();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Key,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["qsh"] = QueryStringHash.Compute(method, target, tenant.BaseUrl) },
            SigningCredentials = new SigningCredentials(JiraRequestVerifier.SigningKey(secret), SecurityAlgorithms.HmacSha256),
        });
    }
}

using System.Net.Http.Headers;
using System.Text;

namespace ConnectAddon.Jira;

/// <summary>
/// HTTP basic authentication: an Atlassian account's email with an API token on Jira Cloud ("Basic auth for REST
/// APIs"), or a Data Center username with its password ("Basic authentication", which Jira 11 turns off by default in
/// favour of personal access tokens). <see cref="ToString"/> names the user, never the secret.
/// </summary>
public sealed class JiraBasicCredentials : JiraCredentials
{
    private readonly string secret;
    private readonly string kind;

    internal JiraBasicCredentials(string user, string secret, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        // RFC 7617: the user-id of basic authentication cannot contain a colon.
        if (user.Contains(':'))
            throw new ArgumentException("A user name or email used for basic authentication cannot contain ':'.", nameof(user));
        User = user;
        this.secret = secret;
        this.kind = kind;
    }

    /// <summary>Not a secret: it names the account in operators' views.</summary>
    public string User { get; }

    internal override AuthenticationHeaderValue ToAuthorization() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + secret)));

    public override string ToString() => $"{kind} of {User}";
}

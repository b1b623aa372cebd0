using System.Net.Http.Headers;
using System.Text;

namespace ConnectAddon.Jira;

/// <summary>An Atlassian account's email and API token, sent as HTTP basic ("Basic auth for REST APIs").</summary>
public sealed class JiraApiTokenCredentials : JiraCredentials
{
    private readonly string apiToken;

    internal JiraApiTokenCredentials(string email, string apiToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        // RFC 7617: the user-id of basic authentication cannot contain a colon.
        if (email.Contains(':'))
            throw new ArgumentException("An email used for basic authentication cannot contain ':'.", nameof(email));
        Email = email;
        this.apiToken = apiToken;
    }

    /// <summary>Not a secret: it names the account in operators' views.</summary>
    public string Email { get; }

    internal override AuthenticationHeaderValue ToAuthorization() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + apiToken)));

    public override string ToString() => $"API token of {Email}";
}

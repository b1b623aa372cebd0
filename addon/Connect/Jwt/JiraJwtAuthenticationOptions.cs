using Microsoft.AspNetCore.Authentication;

namespace ConnectAddon.Connect.Jwt;

public sealed class JiraJwtAuthenticationOptions : AuthenticationSchemeOptions
{
    public QshPolicy QshPolicy { get; set; } = QshPolicy.ExactRequest;
}

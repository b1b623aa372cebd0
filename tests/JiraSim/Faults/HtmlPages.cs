namespace JiraSim.Faults;

/// <summary>
/// What a client gets when something in front of Jira answers instead of Jira: an SSO or reverse proxy's login
/// page (200, text/html: the classic trap of a client that parses every 200 as JSON) and a proxy's 502 page.
/// </summary>
public static class HtmlPages
{
    public const string Login = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Log in - Single sign-on</title></head>
        <body><form id="login-form" method="post" action="/login.jsp">
        <h1>Log in to continue</h1>
        <label>Username <input name="os_username"></label> <label>Password <input name="os_password" type="password"></label>
        <button type="submit">Log in</button></form></body></html>
        """;

    public const string BadGateway = """
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body>
        <center><h1>502 Bad Gateway</h1></center>
        <hr><center>nginx</center>
        </body>
        </html>
        """;
}

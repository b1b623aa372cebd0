namespace JiraSim.Rest;

/// <summary>Jira's error body, <c>{"errorMessages":[…],"errors":{field: message}}</c> (ErrorCollection in the OpenAPI document).</summary>
public static class JiraErrors
{
    public static IResult Status(int status, string message) =>
        Results.Json(new { errorMessages = new[] { message }, errors = new Dictionary<string, string>() }, statusCode: status);

    public static IResult Field(int status, string field, string message) =>
        Results.Json(new { errorMessages = Array.Empty<string>(), errors = new Dictionary<string, string> { [field] = message } }, statusCode: status);

    public static IResult BadRequest(string message) => Status(400, message);

    /// <summary>A missing issue and one the caller may not see answer alike (DESIGN §7a).</summary>
    public static IResult IssueNotFound() => Status(404, "Issue does not exist or you do not have permission to see it.");

    public static IResult Unauthorized(string message) => Status(401, message);
}

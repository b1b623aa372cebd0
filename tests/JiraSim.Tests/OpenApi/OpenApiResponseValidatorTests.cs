namespace JiraSim.Tests.OpenApi;

/// <summary>The validator finds real departures from the document, so that the conformance tests mean something.</summary>
public sealed class OpenApiResponseValidatorTests
{
    private const string Issue = "/rest/api/3/issue/{issueIdOrKey}";
    private const string Comments = "/rest/api/3/issue/{issueIdOrKey}/comment";
    private const string Comment = "/rest/api/3/issue/{issueIdOrKey}/comment/{id}";

    private const string ValidIssue = """
        {"id":"10000","key":"ACME-1","self":"https://x.example/rest/api/3/issue/10000",
         "fields":{"summary":"Printer on fire","created":"2024-05-01T10:15:30.123+0000"}}
        """;

    private const string ValidComment = """
        {"id":"10000","self":"https://x.example/c/10000","created":"2024-05-01T10:15:30.123+0000",
         "author":{"accountId":"557058:a","displayName":"Ada","active":true},"body":{"type":"doc","version":1,"content":[]}}
        """;

    [Test]
    public void Validate_ConformingIssue_ReportsNothing() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 200, ValidIssue), Is.Empty);

    [Test]
    public void Validate_IssueWhoseIdIsAnObject_ReportsTheTypeMismatch() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 200, """{"id":{"value":"10000"},"key":"ACME-1"}"""),
            Has.Some.Contains("id").And.Some.Contains("StringExpected"));

    [Test]
    public void Validate_IssueWithAPropertyTheSchemaDoesNotAllow_ReportsIt() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 200, """{"id":"1","key":"ACME-1","summary":"top-level"}"""),
            Has.Some.Contains("NoAdditionalPropertiesAllowed"));

    [Test]
    public void Validate_CommentPageWithAWrongComment_ReportsTheComment() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Comments, 200, """{"startAt":0,"maxResults":1,"total":1,"comments":[{"id":7}]}"""),
            Has.Some.Contains("comments[0].id"));

    [Test]
    public void Validate_ReferenceReachedThroughAllOf_IsChecked() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Comment, 200, ValidComment.Replace("\"557058:a\"", "557058")),
            Has.Some.Contains("author.accountId"));

    [Test]
    public void Validate_MissingRequiredProperty_ReportsIt() =>
        Assert.That(OpenApiResponseValidator.Validate("POST", "/rest/api/3/permissions/check", 200, """{"globalPermissions":["ADMINISTER"]}"""),
            Has.Some.Contains("PropertyRequired"));

    [Test]
    public void Validate_NullWhereTheSchemaSaysNullable_IsAccepted()
    {
        var withVisibility = ValidComment.TrimEnd()[..^1] + ""","visibility":{"type":"role","value":"Developers","identifier":null}}""";
        Assert.That(OpenApiResponseValidator.Validate("GET", Comment, 200, withVisibility), Is.Empty);
    }

    [Test]
    public void Validate_NullWhereTheSchemaDoesNotSayNullable_IsReported()
    {
        var withVisibility = ValidComment.TrimEnd()[..^1] + ""","visibility":{"type":"role","value":null}}""";
        Assert.That(OpenApiResponseValidator.Validate("GET", Comment, 200, withVisibility), Has.Some.Contains("visibility.value"));
    }

    [Test]
    public void Validate_TimestampThatIsNotADateTime_IsReported() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Comment, 200, ValidComment.Replace("2024-05-01T10:15:30.123+0000", "yesterday")),
            Has.Some.Contains("DateTimeExpected"));

    [Test]
    public void Validate_OperationNotInTheDocument_Throws() =>
        Assert.That(() => OpenApiResponseValidator.Validate("GET", "/rest/api/3/issue/{issueId}/nothing", 200, "{}"),
            Throws.ArgumentException.With.Message.Contains("not an operation"));

    [Test]
    public void Validate_StatusNotDocumentedForTheOperation_IsReported() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 418, "{}"), Has.Some.Contains("not documented"));

    [Test]
    public void Validate_ErrorWithoutADocumentedSchema_MustBeAnErrorCollection()
    {
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 404, """{"errorMessages":["Issue does not exist"],"errors":{}}"""), Is.Empty);
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 404, """{"message":"Issue does not exist"}"""), Is.Not.Empty);
    }

    [Test]
    public void Validate_NoContentWithABody_IsReported() =>
        Assert.That(OpenApiResponseValidator.Validate("DELETE", Issue, 204, "{}"), Has.Some.Contains("no body"));

    [Test]
    public void Validate_DocumentedBodyMissing_IsReported() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 200, ""), Has.Some.Contains("has none"));

    [Test]
    public void Validate_BodyThatIsNotJson_IsReported() =>
        Assert.That(OpenApiResponseValidator.Validate("GET", Issue, 200, "<html>"), Has.Some.Contains("not JSON"));
}

using System.Diagnostics.CodeAnalysis;

namespace ConnectAddon.Jira;

/// <summary>The outcome of a call to Jira that answers with no value (204): success, or the <see cref="JiraError"/>.</summary>
public readonly struct JiraResult
{
    private JiraResult(JiraError? error) => Error = error;

    public JiraError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static JiraResult Success => default;

    public static JiraResult Failure(JiraError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator JiraResult(JiraError error) => Failure(error);

    public override string ToString() => IsSuccess ? "Success" : Error.ToString();
}

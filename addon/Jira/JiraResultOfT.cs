using System.Diagnostics.CodeAnalysis;

namespace ConnectAddon.Jira;

/// <summary>Either Jira's answer or the <see cref="JiraError"/> that explains why there is none. HTTP failures never throw.</summary>
public readonly struct JiraResult<T>
{
    private JiraResult(T? value, JiraError? error) { Value = value; Error = error; }

    public T? Value { get; }
    public JiraError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error is null;

    public static JiraResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);
    public static JiraResult<T> Failure(JiraError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    // C# allows no user-defined conversion from an interface type, so list results use Success(...) explicitly.
    public static implicit operator JiraResult<T>(T value) => Success(value);
    public static implicit operator JiraResult<T>(JiraError error) => Failure(error);

    public override string ToString() => IsSuccess ? $"Success: {Value}" : Error.ToString();
}

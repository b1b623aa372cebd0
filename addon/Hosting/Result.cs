using System.Diagnostics.CodeAnalysis;

namespace ConnectAddon.Hosting;

/// <summary>Either a value or the <see cref="ApiError"/> that explains why there is none.</summary>
public readonly struct Result<T>
{
    private Result(T? value, ApiError? error) { Value = value; Error = error; }

    public T? Value { get; }
    public ApiError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(ApiError error) => new(default, error);
}

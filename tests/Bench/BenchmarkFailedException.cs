namespace ConnectAddon.Bench;

/// <summary>The benchmark could not run (the app did not start, the install was refused …); the message says why.</summary>
public sealed class BenchmarkFailedException(string message, Exception? inner = null) : Exception(message, inner);

namespace TrafficOrleans.Storage.Hosting;

/// <summary>
/// A server the silo needs is missing or misconfigured. The message names it and says how to start
/// it; the host prints that one line instead of a stack trace.
/// </summary>
public sealed class InfrastructureUnavailableException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public InfrastructureUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with an operator-facing message and its cause.</summary>
    public InfrastructureUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Required by the serialization design guidelines.</summary>
    public InfrastructureUnavailableException() { }
}

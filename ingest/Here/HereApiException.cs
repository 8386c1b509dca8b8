using System.Net;

namespace TrafficOrleans.Ingest.Here;

/// <summary>The HERE Traffic API could not be used; the message says what to do and never contains the API key.</summary>
public sealed class HereApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HereApiException(HereFailure failure, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Creates an exception without details (for serializers and analyzers).</summary>
    public HereApiException()
        : this(HereFailure.HttpError, "HERE Traffic API request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public HereApiException(string message)
        : this(HereFailure.HttpError, message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public HereApiException(string message, Exception innerException)
        : this(HereFailure.HttpError, message, null, innerException)
    {
    }

    /// <summary>The kind of failure.</summary>
    public HereFailure Failure { get; }

    /// <summary>The last HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }
}

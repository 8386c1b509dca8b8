namespace TrafficOrleans.Ingest.Here;

/// <summary>Why a HERE request failed.</summary>
public enum HereFailure
{
    /// <summary>No API key configured.</summary>
    MissingApiKey,

    /// <summary>401: the key is wrong or revoked.</summary>
    Unauthorized,

    /// <summary>403: the key is valid but not entitled to Traffic API v7.</summary>
    Forbidden,

    /// <summary>429 even after retries: quota or rate limit exhausted.</summary>
    RateLimited,

    /// <summary>5xx even after retries.</summary>
    ServerError,

    /// <summary>Any other non-success status.</summary>
    HttpError,

    /// <summary>Network failure after retries.</summary>
    Unreachable,

    /// <summary>Attempt or total timeout.</summary>
    Timeout,

    /// <summary>The body is not a flow response.</summary>
    InvalidResponse,
}

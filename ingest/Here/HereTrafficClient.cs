using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TrafficOrleans.Roads.Here;

namespace TrafficOrleans.Ingest.Here;

/// <summary>
/// Typed HTTP client of the HERE Traffic API v7 <c>/flow</c> endpoint. Retries, backoff with jitter and
/// timeouts come from the resilience handler registered by <see cref="HereServiceCollectionExtensions"/>;
/// this class turns the final outcome into a response or a <see cref="HereApiException"/> that says what to fix.
/// </summary>
public sealed partial class HereTrafficClient(
    HttpClient http,
    IOptions<HereOptions> options,
    IngestMetrics metrics,
    ILogger<HereTrafficClient> logger)
{
    private const int MaxErrorBodyChars = 300;

    /// <summary>Fetches the current flow of the configured bbox.</summary>
    public async Task<HereFlowResponse> GetFlowAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw Fail(HereFailure.MissingApiKey, "No HERE API key: set Ingest:Here:ApiKey (or Ingest__Here__ApiKey), or use the simulator.");
        }

        var bbox = string.Create(CultureInfo.InvariantCulture, $"{settings.West},{settings.South},{settings.East},{settings.North}");
        using var request = new HttpRequestMessage(HttpMethod.Get, FlowUri(settings, bbox));
        LogRequesting(logger, bbox);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(HereFailure.Timeout, $"HERE Traffic API did not answer within the timeouts ({settings.AttemptTimeout} per attempt, {settings.TotalTimeout} in total).", null, ex);
        }
        catch (HttpRequestException ex)
        {
            // HttpRequestException messages name host and port, never the query string with the key.
            throw Fail(HereFailure.Unreachable, $"HERE Traffic API unreachable after {settings.MaxRetries} retries: {ex.Message}", null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode) throw await StatusFailureAsync(response, settings, cancellationToken);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var flow = await JsonSerializer.DeserializeAsync<HereFlowResponse>(body, cancellationToken: cancellationToken);
                return flow ?? throw Fail(HereFailure.InvalidResponse, "HERE Traffic API returned an empty body.");
            }
            catch (JsonException ex)
            {
                throw Fail(HereFailure.InvalidResponse, $"HERE Traffic API returned a body that is not a flow response: {ex.Message}", response.StatusCode, ex);
            }
        }
    }

    private static Uri FlowUri(HereOptions settings, string bbox)
    {
        var baseUrl = settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/";
        return new Uri($"{baseUrl}flow?in=bbox:{bbox}&locationReferencing=shape&apiKey={Uri.EscapeDataString(settings.ApiKey!)}");
    }

    private async Task<HereApiException> StatusFailureAsync(HttpResponseMessage response, HereOptions settings, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > MaxErrorBodyChars) body = body[..MaxErrorBodyChars];
        body = body.Replace(settings.ApiKey!, "***", StringComparison.Ordinal);
        var status = (int)response.StatusCode;
        var (failure, advice) = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => (HereFailure.Unauthorized, "the API key was rejected: check Ingest:Here:ApiKey"),
            HttpStatusCode.Forbidden => (HereFailure.Forbidden, "the API key is not allowed to use Traffic API v7 /flow: check the key's project and plan"),
            HttpStatusCode.TooManyRequests => (HereFailure.RateLimited, $"rate limit or quota exhausted after {settings.MaxRetries} retries: poll less often or raise the plan's quota"),
            _ when status >= 500 => (HereFailure.ServerError, $"server error persisted after {settings.MaxRetries} retries"),
            _ => (HereFailure.HttpError, "unexpected status"),
        };
        return Fail(failure, $"HERE Traffic API answered {status} {response.ReasonPhrase}: {advice}. Body: {body}", response.StatusCode);
    }

    private HereApiException Fail(HereFailure failure, string message, HttpStatusCode? status = null, Exception? inner = null)
    {
        metrics.SourceFailed("here", failure.ToString());
        LogFailed(logger, failure, message);
        return new HereApiException(failure, message, status, inner);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Requesting HERE flow for bbox {Bbox}")]
    private static partial void LogRequesting(ILogger logger, string bbox);

    [LoggerMessage(Level = LogLevel.Error, Message = "HERE Traffic API request failed ({Failure}): {Detail}")]
    private static partial void LogFailed(ILogger logger, HereFailure failure, string detail);
}

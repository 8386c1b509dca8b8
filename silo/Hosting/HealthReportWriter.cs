using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Writes a health report as JSON: overall status plus each check's status and description.</summary>
public static class HealthReportWriter
{
    /// <summary>Response writer for <c>/health/ready</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

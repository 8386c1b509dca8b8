using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.Ingest.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) that plays a script of responses to
/// <c>GET /v7/flow</c>, one per request, repeating the last; it records each request's query string.
/// </summary>
internal sealed class LocalHereServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body)> _script;
    private (int Status, string Body) _last;

    private LocalHereServer(WebApplication app, IEnumerable<(int, string)> script)
    {
        _app = app;
        _script = new ConcurrentQueue<(int, string)>(script);
        _last = (500, "no script");
    }

    public ConcurrentQueue<string> Queries { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<LocalHereServer> StartAsync(params (int Status, string Body)[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalHereServer(app, script);
        app.MapGet("/v7/flow", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v7/";
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Queries.Enqueue(context.Request.QueryString.Value ?? "");
        if (_script.TryDequeue(out var next)) _last = next;
        context.Response.StatusCode = _last.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(_last.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

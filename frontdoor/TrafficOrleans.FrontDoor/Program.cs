using Microsoft.Extensions.Options;
using TrafficOrleans.FrontDoor;
using Yarp.ReverseProxy;

// The cluster's one entry point: HTTP, SignalR and raw WebSockets spread over the silos, dead ones skipped.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<FrontDoorOptions>().BindConfiguration(FrontDoorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
var options = builder.Configuration.GetSection(FrontDoorOptions.SectionName).Get<FrontDoorOptions>() ?? new FrontDoorOptions();
builder.Services.AddReverseProxy().LoadFromMemory(SiloCluster.Routes(), SiloCluster.Clusters(options));

var app = builder.Build();
app.MapGet("/frontdoor/silos", (IProxyStateLookup proxy) => FrontDoorStatus.Of(proxy));
app.MapReverseProxy();
await app.RunAsync();

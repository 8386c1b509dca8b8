using System.Diagnostics.Metrics;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Meters for components that need an <see cref="IMeterFactory"/>; disposes what it created.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var m in _meters)
        {
            m.Dispose();
        }
    }
}

using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// The simulator's deviation of a road's speed ratio from its weekly profile: a sum of smooth random signals of
/// different reach and persistence, each a pure function of (seed, road, time) — value noise whose knots are hashed,
/// not drawn in sequence, so any instant is computed on its own.
/// <list type="bullet">
/// <item><b>City</b> (knots every <see cref="CityKnot"/>): weather, events, demand swings that slow or free the whole
/// city for hours.</item>
/// <item><b>District</b> (knots every <see cref="DistrictKnot"/>, cells of <see cref="DistrictCellMeters"/>): local
/// demand and slow-clearing congestion shared by nearby roads; the road's position blends the four nearest cells
/// bilinearly, so neighbours see almost the same value and there is no seam at a cell edge.</item>
/// <item><b>Road</b> (knots every <see cref="RoadKnot"/>): the road's own queues, signal timing, parking.</item>
/// <item><b>Jitter</b>: independent per reading (sensor and probe-sample noise), small.</item>
/// </list>
/// Knot values are approximately standard normal (sum of three uniforms) and joined by Catmull-Rom splines, so each
/// component is smooth with a standard deviation of about 0.8–1; each road and cell has its own phase so knots do not
/// line up city-wide. The weights give a total of about 1 standard deviation (the caller scales by
/// <see cref="SimulatorOptions.Noise"/> and by demand). With these scales the deviation 30 minutes later is clearly
/// but not perfectly correlated with the current one (about 0.6 over a week of the generated city), 6 hours later
/// not at all, and a road's deviation correlates with its feeders' (about 0.5) more than with a distant road's
/// (about 0.25, the city component): what real deviations from a weekly profile look like (METR-LA/PEMS-BAY), and why
/// short-term forecasts beat historical averages. The previous model (independent knots every 15 minutes) left
/// nothing to predict 20–30 minutes ahead.
/// </summary>
internal sealed class TrafficDeviation
{
    /// <summary>Slow, city-wide: hours-long weather/event/demand episodes.</summary>
    public static readonly TimeSpan CityKnot = TimeSpan.FromMinutes(120);

    /// <summary>District: tens of minutes to an hour or two of local congestion.</summary>
    public static readonly TimeSpan DistrictKnot = TimeSpan.FromMinutes(75);

    /// <summary>Per road: half an hour to an hour.</summary>
    public static readonly TimeSpan RoadKnot = TimeSpan.FromMinutes(40);

    /// <summary>Size of a district cell: a few blocks to a neighbourhood (central Hanoi spans about 4 × 5 cells).</summary>
    public const double DistrictCellMeters = 2500;

    // Standard-deviation weights; the squares sum to about 1. Most variance is persistent (city + district + road),
    // jitter is small so the 10-minute horizon is not dominated by unpredictable noise.
    private const double CityWeight = 0.45;
    private const double DistrictWeight = 0.55;
    private const double RoadWeight = 0.60;
    private const double JitterWeight = 0.20;

    private const double MetersPerDegreeLat = 111_320;

    private readonly ulong _cityKey;
    private readonly double _cityPhase;
    private readonly ulong[] _roadKeys;
    private readonly double[] _roadPhase;
    private readonly Cells[] _cells;

    public TrafficDeviation(ulong seed, IReadOnlyList<RoadSegment> roads, IReadOnlyList<ulong> roadKeys)
    {
        _cityKey = StableHash.Combine(seed, 0xC17E, 10);
        _cityPhase = StableHash.Unit(StableHash.Mix(_cityKey)) * CityKnot.TotalSeconds;
        _roadKeys = new ulong[roads.Count];
        _roadPhase = new double[roads.Count];
        _cells = new Cells[roads.Count];

        var midLat = roads.Average(r => Middle(r).Lat);
        var metersPerDegreeLng = MetersPerDegreeLat * Math.Cos(midLat * Math.PI / 180);
        for (var i = 0; i < roads.Count; i++)
        {
            _roadKeys[i] = StableHash.Combine(seed, roadKeys[i], 11);
            _roadPhase[i] = StableHash.Unit(StableHash.Mix(_roadKeys[i])) * RoadKnot.TotalSeconds;
            var mid = Middle(roads[i]);
            _cells[i] = Cells.At(seed, mid.Lat * MetersPerDegreeLat / DistrictCellMeters, mid.Lng * metersPerDegreeLng / DistrictCellMeters);
        }
    }

    /// <summary>The deviation of road <paramref name="road"/> at <paramref name="unixSeconds"/>, about unit variance.</summary>
    public double At(int road, long unixSeconds)
    {
        double t = unixSeconds;
        var city = Spline(_cityKey, (t + _cityPhase) / CityKnot.TotalSeconds);
        var cells = _cells[road];
        var district = 0.0;
        for (var c = 0; c < 4; c++)
        {
            district += cells.Weight(c) * Spline(cells.Key(c), (t + cells.Phase(c)) / DistrictKnot.TotalSeconds);
        }

        var own = Spline(_roadKeys[road], (t + _roadPhase[road]) / RoadKnot.TotalSeconds);
        var jitter = Normalish(StableHash.Combine(_roadKeys[road], (ulong)unixSeconds, 12));
        return (CityWeight * city) + (DistrictWeight * district) + (RoadWeight * own) + (JitterWeight * jitter);
    }

    /// <summary>Catmull-Rom through the hashed knots around <paramref name="x"/> (in knot units).</summary>
    private static double Spline(ulong key, double x)
    {
        var floor = Math.Floor(x);
        var f = x - floor;
        var k = (long)floor;
        var p0 = Knot(key, k - 1);
        var p1 = Knot(key, k);
        var p2 = Knot(key, k + 1);
        var p3 = Knot(key, k + 2);
        return p1 + (0.5 * f * (p2 - p0 + (f * ((2 * p0) - (5 * p1) + (4 * p2) - p3 + (f * ((3 * (p1 - p2)) + p3 - p0))))));
    }

    private static double Knot(ulong key, long index) => Normalish(StableHash.Combine(key, (ulong)index));

    /// <summary>Sum of three uniforms on [-1, 1): mean 0, variance 1, bell-shaped and bounded (±3).</summary>
    private static double Normalish(ulong hash)
    {
        var h2 = StableHash.Mix(hash);
        return StableHash.Signed(hash) + StableHash.Signed(h2) + StableHash.Signed(StableHash.Mix(h2));
    }

    private static GeoPoint Middle(RoadSegment road) =>
        new((road.Start.Lat + road.End.Lat) / 2, (road.Start.Lng + road.End.Lng) / 2);

    /// <summary>The four district cells around a position and their bilinear (smoothstep) weights.</summary>
    private readonly record struct Cells(ulong Key0, ulong Key1, ulong Key2, ulong Key3, double W0, double W1, double W2, double W3, double Phase0, double Phase1, double Phase2, double Phase3)
    {
        public static Cells At(ulong seed, double y, double x)
        {
            var y0 = Math.Floor(y);
            var x0 = Math.Floor(x);
            var fy = Ease(y - y0);
            var fx = Ease(x - x0);
            var k0 = Key(seed, (long)y0, (long)x0);
            var k1 = Key(seed, (long)y0, (long)x0 + 1);
            var k2 = Key(seed, (long)y0 + 1, (long)x0);
            var k3 = Key(seed, (long)y0 + 1, (long)x0 + 1);
            // Normalised so a road between cells has the same variance as one at a cell centre.
            var w0 = (1 - fy) * (1 - fx);
            var w1 = (1 - fy) * fx;
            var w2 = fy * (1 - fx);
            var w3 = fy * fx;
            var norm = 1 / Math.Sqrt((w0 * w0) + (w1 * w1) + (w2 * w2) + (w3 * w3));
            return new Cells(k0, k1, k2, k3, w0 * norm, w1 * norm, w2 * norm, w3 * norm, Phase(k0), Phase(k1), Phase(k2), Phase(k3));
        }

        public ulong Key(int c) => c switch { 0 => Key0, 1 => Key1, 2 => Key2, _ => Key3 };

        public double Weight(int c) => c switch { 0 => W0, 1 => W1, 2 => W2, _ => W3 };

        public double Phase(int c) => c switch { 0 => Phase0, 1 => Phase1, 2 => Phase2, _ => Phase3 };

        private static ulong Key(ulong seed, long row, long column) => StableHash.Combine(StableHash.Combine(seed, (ulong)row, 13), (ulong)column);

        private static double Phase(ulong key) => StableHash.Unit(StableHash.Mix(key)) * DistrictKnot.TotalSeconds;

        private static double Ease(double f) => f * f * (3 - (2 * f));
    }
}

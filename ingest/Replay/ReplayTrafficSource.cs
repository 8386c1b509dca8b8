using System.Runtime.CompilerServices;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Time;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Replay;

/// <summary>
/// Plays a recorded dataset through the same preprocessing as live data. Readings keep their recorded
/// timestamps; <see cref="Clock"/> starts at the recording's start and runs <see cref="ReplayOptions.SpeedUp"/>
/// times faster than real time, so a scheduler on that clock replays at the chosen speed.
/// </summary>
public sealed class ReplayTrafficSource : ITrafficSource
{
    private readonly IRecording _recording;
    private readonly ReadingPreprocessor _preprocessor;
    private readonly TimeSpan _window;

    private ReplayTrafficSource(IRecording recording, ReadingPreprocessor preprocessor, TimeSpan window, double speedUp, TimeProvider realClock)
    {
        _recording = recording;
        _preprocessor = preprocessor;
        _window = window;
        Clock = new AcceleratedTimeProvider(realClock, speedUp, recording.Start);
        Adjacency = (recording as MatrixCsvRecording)?.Adjacency;
    }

    /// <inheritdoc />
    public string Name => "replay";

    /// <inheritdoc />
    public TimeProvider Clock { get; }

    /// <inheritdoc />
    public bool CanReadRange => true;

    /// <summary>Timestamp of the first recorded reading.</summary>
    public DateTimeOffset Start => _recording.Start;

    /// <summary>Timestamp of the last recorded reading.</summary>
    public DateTimeOffset End => _recording.End;

    /// <inheritdoc />
    /// <remarks>A matrix recording's sensor adjacency, when an adjacency file was given.</remarks>
    public RoadAdjacency? Adjacency { get; }

    /// <summary>Loads the file named by <paramref name="options"/> (the whole file is read once, here).</summary>
    public static ReplayTrafficSource Open(ReplayOptions options, ReadingPreprocessor preprocessor, TimeProvider? realClock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(preprocessor);
        if (string.IsNullOrWhiteSpace(options.Path)) throw new InvalidOperationException("Ingest:Replay:Path is required for a replay.");
        IRecording recording = options.Format == ReplayFormat.MatrixCsv
            ? new MatrixCsvRecording(options.Path, options)
            : new LongCsvRecording(options.Path, options, preprocessor.CityTime.Zone);
        return new ReplayTrafficSource(recording, preprocessor, options.RowInterval, options.SpeedUp, realClock ?? TimeProvider.System);
    }

    /// <inheritdoc />
    /// <remarks>The readings recorded in (observedAt − RowInterval, observedAt].</remarks>
    public Task<TrafficBatch> PollAsync(DateTimeOffset observedAt, CancellationToken cancellationToken) =>
        Task.FromResult(Window(observedAt, _window));

    /// <inheritdoc />
    /// <remarks>Each tick's batch holds the readings recorded in (tick − interval, tick].</remarks>
    public async IAsyncEnumerable<TrafficBatch> ReadRangeAsync(
        DateTimeOffset from, DateTimeOffset to, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        for (var tick = from; tick < to; tick += interval)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Window(tick, interval);
            await Task.Yield();
        }
    }

    /// <summary>The whole recording, one batch per RowInterval from <see cref="Start"/>.</summary>
    public IAsyncEnumerable<TrafficBatch> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadRangeAsync(Start, End + _window, _window, cancellationToken);

    private TrafficBatch Window(DateTimeOffset until, TimeSpan window)
    {
        var batch = _preprocessor.CreateBatch(Name, until);
        _recording.Emit(until - window, until, batch);
        return batch.Build();
    }
}

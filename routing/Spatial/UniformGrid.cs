namespace TrafficOrleans.Routing.Spatial;

/// <summary>
/// A uniform grid of square cells over projected metres, holding item ids per cell in CSR form.
/// Items are registered by bounding box; a ring search visits cells in growing Chebyshev rings.
/// </summary>
internal sealed class UniformGrid
{
    private readonly double _minX;
    private readonly double _minY;
    private readonly int[] _cellStart;
    private readonly int[] _items;

    private UniformGrid(double minX, double minY, double cellSize, int columns, int rows, int[] cellStart, int[] items)
    {
        _minX = minX;
        _minY = minY;
        CellSize = cellSize;
        Columns = columns;
        Rows = rows;
        _cellStart = cellStart;
        _items = items;
    }

    public double CellSize { get; }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Builds the grid; <paramref name="boxes"/> gives each item's (minX, minY, maxX, maxY), or null to skip it.</summary>
    public static UniformGrid Build(int itemCount, Func<int, (double MinX, double MinY, double MaxX, double MaxY)?> boxes, double cellSize)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < itemCount; i++)
        {
            if (boxes(i) is not { } b) continue;
            minX = Math.Min(minX, b.MinX);
            minY = Math.Min(minY, b.MinY);
            maxX = Math.Max(maxX, b.MaxX);
            maxY = Math.Max(maxY, b.MaxY);
        }

        if (minX > maxX) return new UniformGrid(0, 0, cellSize, 1, 1, new int[2], []);
        var columns = Math.Max(1, (int)Math.Ceiling((maxX - minX) / cellSize) + 1);
        var rows = Math.Max(1, (int)Math.Ceiling((maxY - minY) / cellSize) + 1);
        var grid = new UniformGrid(minX, minY, cellSize, columns, rows, new int[(columns * rows) + 1], []);
        var counts = grid._cellStart;
        grid.ForEachCoveredCell(itemCount, boxes, (cell, _) => counts[cell + 1]++);
        for (var c = 0; c < columns * rows; c++) counts[c + 1] += counts[c];
        var items = new int[counts[^1]];
        var next = counts[..^1];
        grid.ForEachCoveredCell(itemCount, boxes, (cell, item) => items[next[cell]++] = item);
        return new UniformGrid(minX, minY, cellSize, columns, rows, counts, items);
    }

    public int Column(double x) => (int)Math.Floor((x - _minX) / CellSize);

    public int Row(double y) => (int)Math.Floor((y - _minY) / CellSize);

    /// <summary>Items of cell (column, row); empty outside the grid.</summary>
    public ReadOnlySpan<int> Cell(int column, int row)
    {
        if ((uint)column >= (uint)Columns || (uint)row >= (uint)Rows) return [];
        var c = (row * Columns) + column;
        return _items.AsSpan(_cellStart[c], _cellStart[c + 1] - _cellStart[c]);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> on the items of ring <paramref name="ring"/> around (column, row):
    /// every cell at Chebyshev distance exactly <paramref name="ring"/>.
    /// </summary>
    public void VisitRing<TState>(int column, int row, int ring, ref TState state, RingVisitor<TState> visit)
        where TState : struct
    {
        if (ring == 0)
        {
            foreach (var item in Cell(column, row)) visit(item, ref state);
            return;
        }

        for (var dx = -ring; dx <= ring; dx++)
        {
            foreach (var item in Cell(column + dx, row - ring)) visit(item, ref state);
            foreach (var item in Cell(column + dx, row + ring)) visit(item, ref state);
        }

        for (var dy = -ring + 1; dy <= ring - 1; dy++)
        {
            foreach (var item in Cell(column - ring, row + dy)) visit(item, ref state);
            foreach (var item in Cell(column + ring, row + dy)) visit(item, ref state);
        }
    }

    /// <summary>Rings needed before every cell of the grid has been visited from (column, row).</summary>
    public int MaxRing(int column, int row) =>
        Math.Max(Math.Max(Math.Abs(column), Math.Abs(Columns - 1 - column)), Math.Max(Math.Abs(row), Math.Abs(Rows - 1 - row)));

    /// <summary>The first ring around (column, row) that can contain a grid cell (0 inside the grid).</summary>
    public int MinRing(int column, int row) =>
        Math.Max(Math.Max(Math.Max(0, -column), column - (Columns - 1)), Math.Max(Math.Max(0, -row), row - (Rows - 1)));

    private void ForEachCoveredCell(int itemCount, Func<int, (double MinX, double MinY, double MaxX, double MaxY)?> boxes, Action<int, int> action)
    {
        for (var i = 0; i < itemCount; i++)
        {
            if (boxes(i) is not { } b) continue;
            for (var row = Row(b.MinY); row <= Row(b.MaxY); row++)
            {
                for (var column = Column(b.MinX); column <= Column(b.MaxX); column++) action((row * Columns) + column, i);
            }
        }
    }
}

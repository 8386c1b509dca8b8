using TrafficOrleans.Roads;

namespace TrafficOrleans.Bench.PushFilter;

/// <summary>
/// The SignalR-groups alternative: the city cut into square cells, a group per cell, each connection a member of the
/// groups its area touches; a road's message goes to the groups of the cells its box touches (members of several
/// groups counted once, as a group send to several groups would have to be deduplicated).
/// </summary>
public sealed class CellGroups(double cellDegrees)
{
    private readonly Dictionary<(int, int), List<int>> _members = [];

    /// <summary>Adds connection <paramref name="id"/> to the groups of <paramref name="area"/>.</summary>
    public void Join(int id, GeoBox area)
    {
        foreach (var cell in Cells(area))
        {
            if (!_members.TryGetValue(cell, out var members)) _members[cell] = members = [];
            members.Add(id);
        }
    }

    /// <summary>The connections that receive a message about a road with box <paramref name="road"/>.</summary>
    public int Recipients(GeoBox road, HashSet<int> scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Clear();
        foreach (var cell in Cells(road))
        {
            if (_members.TryGetValue(cell, out var members)) scratch.UnionWith(members);
        }

        return scratch.Count;
    }

    private IEnumerable<(int, int)> Cells(GeoBox box)
    {
        for (var x = (int)Math.Floor(box.West / cellDegrees); x <= (int)Math.Floor(box.East / cellDegrees); x++)
        {
            for (var y = (int)Math.Floor(box.South / cellDegrees); y <= (int)Math.Floor(box.North / cellDegrees); y++) yield return (x, y);
        }
    }
}

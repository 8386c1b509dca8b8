namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// Free-flow speeds for roads whose source gives none (HERE items without <c>freeFlow</c>, OSM ways without
/// <c>maxspeed</c>). Urban Hanoi values: Vietnamese urban limits are 50–60 km/h and side streets are slower.
/// </summary>
public static class RoadClassDefaults
{
    /// <summary>Default free-flow speed of a functional class (1 = major … 5 = local); unknown classes count as local.</summary>
    public static float FreeFlowKmh(int functionalClass) => functionalClass switch
    {
        <= 1 => 60f,
        2 => 50f,
        3 => 40f,
        4 => 30f,
        _ => 25f,
    };
}

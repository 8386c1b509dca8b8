namespace TrafficOrleans.Roads;

/// <summary>What a HERE functional class means for traffic in an Asian city centre like Hanoi.</summary>
public static class RoadClasses
{
    /// <summary>
    /// Typical uncongested speed of a road class in km/h, for roads whose source gives none
    /// (synthetic city, OSM). Urban Hanoi is slow: motorbike-dominated, dense junctions.
    /// </summary>
    public static double TypicalFreeFlowKmh(int functionalClass) => functionalClass switch
    {
        <= 1 => 60,
        2 => 50,
        3 => 40,
        4 => 30,
        _ => 25,
    };

    /// <summary>
    /// How strongly rush-hour demand slows a road class, 0…1: arterials carry commuters and jam first,
    /// local streets much less.
    /// </summary>
    public static double RushHourSensitivity(int functionalClass) => functionalClass switch
    {
        <= 1 => 1.0,
        2 => 0.95,
        3 => 0.8,
        4 => 0.6,
        _ => 0.5,
    };
}

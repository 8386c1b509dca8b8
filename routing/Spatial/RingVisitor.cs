namespace TrafficOrleans.Routing.Spatial;

/// <summary>Called per item found by a grid ring search; state is passed by reference so searches allocate nothing.</summary>
internal delegate void RingVisitor<TState>(int item, ref TState state)
    where TState : struct;

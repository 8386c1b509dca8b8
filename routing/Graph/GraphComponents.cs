namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// Connected components of a <see cref="RoadGraph"/>. Routing snaps only to the largest strongly connected
/// component: a point snapped onto a one-way dead end or an island could never be routed to or from.
/// </summary>
public static class GraphComponents
{
    /// <summary>Component id per node ignoring direction, and the number of components.</summary>
    public static (int[] ComponentOf, int Count) Weak(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parent = new int[graph.NodeCount];
        for (var v = 0; v < parent.Length; v++) parent[v] = v;
        for (var e = 0; e < graph.EdgeCount; e++) Union(parent, graph.Edges[e].From, graph.Heads[e]);
        return Relabel(parent, v => Find(parent, v));
    }

    /// <summary>Strongly connected component id per node (Kosaraju, iterative), and the number of components.</summary>
    public static (int[] ComponentOf, int Count) Strong(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var order = new int[n];
        var orderCount = 0;
        var visited = new bool[n];
        var stack = new Stack<(int Node, int NextEdge)>();
        for (var root = 0; root < n; root++)
        {
            if (visited[root]) continue;
            visited[root] = true;
            stack.Push((root, graph.FirstOut[root]));
            while (stack.Count > 0)
            {
                var (v, e) = stack.Pop();
                if (e < graph.FirstOut[v + 1])
                {
                    stack.Push((v, e + 1));
                    var w = graph.Heads[e];
                    if (!visited[w])
                    {
                        visited[w] = true;
                        stack.Push((w, graph.FirstOut[w]));
                    }
                }
                else
                {
                    order[orderCount++] = v;
                }
            }
        }

        var reverse = ReverseAdjacency.Of(graph);
        var component = new int[n];
        Array.Fill(component, -1);
        var count = 0;
        var work = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            var root = order[i];
            if (component[root] >= 0) continue;
            component[root] = count;
            work.Push(root);
            while (work.Count > 0)
            {
                var v = work.Pop();
                for (var k = reverse.FirstIn[v]; k < reverse.FirstIn[v + 1]; k++)
                {
                    var u = graph.Edges[reverse.InEdges[k]].From;
                    if (component[u] >= 0) continue;
                    component[u] = count;
                    work.Push(u);
                }
            }

            count++;
        }

        return (component, count);
    }

    /// <summary>Membership mask of the largest component of a labelling, and its size.</summary>
    public static (bool[] Member, int Size) Largest((int[] ComponentOf, int Count) components)
    {
        var sizes = new int[components.Count];
        foreach (var c in components.ComponentOf) sizes[c]++;
        var largest = 0;
        for (var c = 1; c < sizes.Length; c++)
        {
            if (sizes[c] > sizes[largest]) largest = c;
        }

        var member = new bool[components.ComponentOf.Length];
        for (var v = 0; v < member.Length; v++) member[v] = components.ComponentOf[v] == largest;
        return (member, sizes.Length == 0 ? 0 : sizes[largest]);
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb) parent[ra] = rb;
    }

    private static (int[] ComponentOf, int Count) Relabel(int[] parent, Func<int, int> rootOf)
    {
        var label = new Dictionary<int, int>();
        var component = new int[parent.Length];
        for (var v = 0; v < parent.Length; v++)
        {
            var root = rootOf(v);
            if (!label.TryGetValue(root, out var id)) label[root] = id = label.Count;
            component[v] = id;
        }

        return (component, label.Count);
    }
}

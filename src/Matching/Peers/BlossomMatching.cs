namespace MentorBot.Matching.Peers;

/// <summary>
/// Maximum-cardinality matching in a general graph: Edmonds' blossom algorithm, O(V³). It grows the matching it is
/// given, and a vertex matched on entry stays matched (an augmenting path only changes partners), which lets a caller
/// match the preferred edges first and then only add people with the rest.
/// </summary>
internal sealed class BlossomMatching
{
    private readonly IReadOnlyList<int>[] _adjacency;
    private readonly int[] _mate;
    private readonly int[] _parent;
    private readonly int[] _base;
    private readonly bool[] _inTree;
    private readonly bool[] _inBlossom;
    private readonly Queue<int> _queue = new();

    private BlossomMatching(IReadOnlyList<int>[] adjacency, int[] mate)
    {
        _adjacency = adjacency;
        _mate = mate;
        _parent = new int[mate.Length];
        _base = new int[mate.Length];
        _inTree = new bool[mate.Length];
        _inBlossom = new bool[mate.Length];
    }

    /// <param name="adjacency">Each vertex's neighbours, in the order they are tried; vertices are tried in index order.</param>
    /// <param name="mate">Each vertex's partner or -1; grown in place to a maximum matching of the graph.</param>
    public static void Grow(IReadOnlyList<int>[] adjacency, int[] mate)
    {
        // A greedy pass leaves the search only the few vertices it could not match directly.
        for (var v = 0; v < mate.Length; v++)
        {
            var free = mate[v] < 0 ? adjacency[v].FirstOrDefault(u => mate[u] < 0, -1) : -1;
            if (free >= 0)
            {
                mate[v] = free;
                mate[free] = v;
            }
        }
        var search = new BlossomMatching(adjacency, mate);
        // Once no augmenting path starts at a vertex, none will after later augmentations: one pass is enough.
        for (var root = 0; root < mate.Length; root++)
        {
            if (mate[root] < 0)
                search.Augment(search.FindPath(root));
        }
    }

    private void Augment(int end)
    {
        for (var v = end; v >= 0;)
        {
            var previous = _parent[v];
            var next = _mate[previous];
            _mate[v] = previous;
            _mate[previous] = v;
            v = next;
        }
    }

    /// <summary>The free vertex at the end of an augmenting path from <paramref name="root"/>, or -1.</summary>
    private int FindPath(int root)
    {
        Array.Fill(_inTree, false);
        Array.Fill(_parent, -1);
        for (var i = 0; i < _base.Length; i++)
            _base[i] = i;
        _inTree[root] = true;
        _queue.Clear();
        _queue.Enqueue(root);
        while (_queue.TryDequeue(out var v))
        {
            foreach (var to in _adjacency[v])
            {
                if (_base[v] == _base[to] || _mate[v] == to)
                    continue;
                if (to == root || _mate[to] >= 0 && _parent[_mate[to]] >= 0)
                {
                    ContractBlossom(v, to);
                }
                else if (_parent[to] < 0)
                {
                    _parent[to] = v;
                    if (_mate[to] < 0)
                        return to;
                    _inTree[_mate[to]] = true;
                    _queue.Enqueue(_mate[to]);
                }
            }
        }
        return -1;
    }

    /// <summary>An odd cycle closed by the edge <paramref name="v"/>–<paramref name="to"/> becomes one vertex, its base.</summary>
    private void ContractBlossom(int v, int to)
    {
        var common = CommonAncestor(v, to);
        Array.Fill(_inBlossom, false);
        MarkPath(v, common, to);
        MarkPath(to, common, v);
        for (var i = 0; i < _base.Length; i++)
        {
            if (!_inBlossom[_base[i]])
                continue;
            _base[i] = common;
            if (!_inTree[i])
            {
                _inTree[i] = true;
                _queue.Enqueue(i);
            }
        }
    }

    private int CommonAncestor(int a, int b)
    {
        var seen = new bool[_base.Length];
        while (true)
        {
            a = _base[a];
            seen[a] = true;
            if (_mate[a] < 0)
                break;
            a = _parent[_mate[a]];
        }
        while (true)
        {
            b = _base[b];
            if (seen[b])
                return b;
            b = _parent[_mate[b]];
        }
    }

    private void MarkPath(int v, int blossomBase, int child)
    {
        while (_base[v] != blossomBase)
        {
            _inBlossom[_base[v]] = true;
            _inBlossom[_base[_mate[v]]] = true;
            _parent[v] = child;
            child = _mate[v];
            v = _parent[_mate[v]];
        }
    }
}

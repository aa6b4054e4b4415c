namespace MentorBot.Matching.Assignment;

/// <summary>
/// Min-cost flow on a bipartite graph, one unit of supply at a time (successive shortest paths with
/// Dijkstra on reduced costs, as in the Hungarian method).
/// <para>
/// Every row unit must go somewhere: to a column through an edge of cost <c>scale − weight</c>, or to its own
/// "unmatched" outlet of cost <see cref="UnmatchedCost"/>, which is larger than any sum of edge costs.
/// A minimum-cost flow therefore leaves as few units unmatched as possible, and among those flows it has the
/// largest total weight. Adding one unit along a shortest path keeps the flow of minimum cost for the units added
/// so far, so after the last unit the flow is optimal; the node potentials prove it (every residual edge has a
/// non-negative reduced cost).
/// </para>
/// </summary>
internal sealed class MinCostFlow
{
    private readonly int _rows;
    private readonly int[] _rowCapacity;
    private readonly int[] _colCapacity;
    private readonly int[] _rowStart;
    private readonly int[] _edgeRow;
    private readonly int[] _edgeCol;
    private readonly long[] _cost;

    private readonly bool[] _flow;
    private readonly int[] _rowUnmatched;
    private readonly int[] _colUsed;
    private readonly long[] _potential;

    // The edges carrying flow into each column, as a doubly linked list, so a column lists only its current rows.
    private readonly int[] _colFirst;
    private readonly int[] _nextInCol;
    private readonly int[] _prevInCol;

    // Dijkstra state; a stamp per node saves clearing the arrays before each search.
    private readonly long[] _distance;
    private readonly int[] _reached;
    private readonly int[] _settled;
    private readonly int[] _parent;
    private readonly List<int> _settledNodes = [];
    private readonly NodeHeap _heap = new();
    private int _search;

    public MinCostFlow(int[] rowCapacity, int[] colCapacity, int[] rowStart, int[] edgeCol, long[] edgeCost, long unmatchedCost)
    {
        _rows = rowCapacity.Length;
        _rowCapacity = rowCapacity;
        _colCapacity = colCapacity;
        _rowStart = rowStart;
        _edgeCol = edgeCol;
        _cost = edgeCost;
        UnmatchedCost = unmatchedCost;

        _edgeRow = new int[edgeCol.Length];
        for (var r = 0; r < _rows; r++)
            Array.Fill(_edgeRow, r, rowStart[r], rowStart[r + 1] - rowStart[r]);

        _flow = new bool[edgeCol.Length];
        _rowUnmatched = new int[_rows];
        _colUsed = new int[colCapacity.Length];
        var nodes = _rows + colCapacity.Length + 1;
        _potential = new long[nodes];
        _colFirst = new int[colCapacity.Length];
        Array.Fill(_colFirst, -1);
        _nextInCol = new int[edgeCol.Length];
        _prevInCol = new int[edgeCol.Length];
        _distance = new long[nodes];
        _reached = new int[nodes];
        _settled = new int[nodes];
        _parent = new int[nodes];
    }

    public long UnmatchedCost { get; }

    private int Sink => _potential.Length - 1;

    public bool Carries(int edge) => _flow[edge];

    public long RowPotential(int row) => _potential[row];

    public long ColPotential(int col) => _potential[_rows + col];

    /// <summary>Routes every unit of every row, rows in index order.</summary>
    public void Run()
    {
        for (var row = 0; row < _rows; row++)
        {
            for (var unit = 0; unit < _rowCapacity[row]; unit++)
            {
                // A unit that finds nothing better than its own outlet leaves the graph unchanged,
                // so the row's remaining units would do the same.
                if (AddUnit(row))
                {
                    _rowUnmatched[row] += _rowCapacity[row] - unit - 1;
                    break;
                }
            }
        }
    }

    /// <summary>Sends one unit from the row along a shortest path; true when it went to the row's own outlet.</summary>
    private bool AddUnit(int source)
    {
        _search++;
        _heap.Clear();
        _settledNodes.Clear();
        Reach(source, 0, -1);
        while (_heap.TryPop(out var d, out var u))
        {
            if (_settled[u] == _search || d != _distance[u])
                continue;
            if (u == Sink)
                break;
            _settled[u] = _search;
            _settledNodes.Add(u);
            if (u < _rows)
                ScanRow(u, d);
            else
                ScanCol(u, d);
        }

        var toSink = _distance[Sink];
        foreach (var node in _settledNodes)
            _potential[node] += _distance[node] - toSink;
        return Augment(source);
    }

    private void ScanRow(int row, long d)
    {
        var p = _potential[row];
        for (var e = _rowStart[row]; e < _rowStart[row + 1]; e++)
        {
            if (!_flow[e])
            {
                var col = _rows + _edgeCol[e];
                Reach(col, d + _cost[e] + p - _potential[col], e);
            }
        }
        if (_rowUnmatched[row] < _rowCapacity[row])
            Reach(Sink, d + UnmatchedCost + p - _potential[Sink], row);
    }

    private void ScanCol(int node, long d)
    {
        var col = node - _rows;
        var p = _potential[node];
        if (_colUsed[col] < _colCapacity[col])
            Reach(Sink, d + p - _potential[Sink], node);
        for (var e = _colFirst[col]; e >= 0; e = _nextInCol[e])
        {
            var row = _edgeRow[e];
            Reach(row, d - _cost[e] + p - _potential[row], e);
        }
    }

    // For a row or column node the parent is the edge it was reached by; for the sink it is the node before it.
    private void Reach(int node, long d, int parent)
    {
        if (_reached[node] == _search && _distance[node] <= d)
            return;
        _reached[node] = _search;
        _distance[node] = d;
        _parent[node] = parent;
        _heap.Push(d, node);
    }

    private bool Augment(int source)
    {
        var node = _parent[Sink];
        if (node < _rows)
            _rowUnmatched[node]++;
        else
            _colUsed[node - _rows]++;
        var endsAtOwnOutlet = node == source;

        while (node != source)
        {
            var e = _parent[node];
            if (node >= _rows)
            {
                _flow[e] = true;
                Link(e);
                node = _edgeRow[e];
            }
            else
            {
                _flow[e] = false;
                Unlink(e);
                node = _rows + _edgeCol[e];
            }
        }
        return endsAtOwnOutlet;
    }

    private void Link(int e)
    {
        var col = _edgeCol[e];
        _prevInCol[e] = -1;
        _nextInCol[e] = _colFirst[col];
        if (_colFirst[col] >= 0)
            _prevInCol[_colFirst[col]] = e;
        _colFirst[col] = e;
    }

    private void Unlink(int e)
    {
        if (_prevInCol[e] >= 0)
            _nextInCol[_prevInCol[e]] = _nextInCol[e];
        else
            _colFirst[_edgeCol[e]] = _nextInCol[e];
        if (_nextInCol[e] >= 0)
            _prevInCol[_nextInCol[e]] = _prevInCol[e];
    }
}

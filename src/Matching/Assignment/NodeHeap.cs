namespace MentorBot.Matching.Assignment;

/// <summary>
/// A binary min-heap of (distance, node) for Dijkstra with lazy deletion.
/// Ties go to the smaller node index, so equal-cost paths are chosen the same way on every run.
/// </summary>
internal sealed class NodeHeap
{
    private (long Key, int Node)[] _items = new (long, int)[64];
    private int _count;

    public void Clear() => _count = 0;

    public void Push(long key, int node)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, _count * 2);
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Less(key, node, _items[parent]))
                break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = (key, node);
    }

    public bool TryPop(out long key, out int node)
    {
        if (_count == 0)
        {
            (key, node) = (0, -1);
            return false;
        }
        (key, node) = _items[0];
        var last = _items[--_count];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= _count)
                break;
            if (child + 1 < _count && Less(_items[child + 1].Key, _items[child + 1].Node, _items[child]))
                child++;
            if (!Less(_items[child].Key, _items[child].Node, last))
                break;
            _items[i] = _items[child];
            i = child;
        }
        _items[i] = last;
        return true;
    }

    private static bool Less(long key, int node, (long Key, int Node) other) =>
        key < other.Key || (key == other.Key && node < other.Node);
}

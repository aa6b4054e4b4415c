namespace MentorBot.Bot.Telegram;

/// <summary>Runs one chat's work one piece at a time, in arrival order, while different chats run side by side.</summary>
public sealed class ChatSequencer
{
    private readonly Dictionary<long, Gate> _gates = new();
    private readonly Lock _lock = new();

    public async Task RunAsync(long chatId, Func<Task> work, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(chatId, out gate!))
            {
                gate = new Gate();
                _gates[chatId] = gate;
            }
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await work();
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                if (--gate.Users == 0)
                {
                    _gates.Remove(chatId);
                }
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }
}

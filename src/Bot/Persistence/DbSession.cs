using System.Data.Common;
using Dapper;

namespace MentorBot.Bot.Persistence;

/// <summary>
/// One connection, and at most one transaction, shared by the repositories of a DI scope
/// (one update, one job run). Repositories go through it, so they join the open transaction.
/// </summary>
public sealed class DbSession(IDbConnectionFactory connections) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private SemaphoreSlim? _heldGate;

    private bool _purgeAfterCommit;
    private List<Action>? _afterCommit;

    public bool InTransaction => _transaction is not null;

    /// <summary>After the open transaction commits, drop every copy of what it erased (see <see cref="SqlDialect.AfterErasureSql"/>).</summary>
    public void PurgeAfterCommit() => _purgeAfterCommit = true;

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction has committed, and never if it rolls back; at once when
    /// no transaction is open (the write before it committed by itself). For telling in-process readers what is now durable.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (_transaction is null)
        {
            action();
            return;
        }
        (_afterCommit ??= []).Add(action);
    }

    public async Task BeginAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this session.");
        }
        var connection = await ConnectionAsync(cancellationToken);
        await EnterGateAsync(cancellationToken);
        try
        {
            _transaction = await connection.BeginTransactionAsync(connections.Dialect.TransactionIsolation, cancellationToken);
        }
        catch
        {
            LeaveGate();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("No transaction is open in this session.");
        }
        var afterCommit = _afterCommit;
        _afterCommit = null;
        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            LeaveGate();
        }
        foreach (var action in afterCommit ?? [])
        {
            action();
        }
        if (_purgeAfterCommit && connections.Dialect.AfterErasureSql is { } purge)
        {
            _purgeAfterCommit = false;
            await ExecuteAsync(purge, cancellationToken: cancellationToken);
        }
    }

    public async Task RollbackAsync()
    {
        if (_transaction is null)
        {
            return;
        }
        _afterCommit = null;
        try
        {
            await _transaction.RollbackAsync();
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            LeaveGate();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, committed when it returns. A conflict with another
    /// writer (PostgreSQL's serialization failures, SQLite's busy file) rolls it back and runs it again, so the work
    /// must be database work only.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await BeginAsync(cancellationToken);
            try
            {
                var result = await work();
                await CommitAsync(cancellationToken);
                return result;
            }
            catch (DbException error) when (attempt < MaxConflictAttempts && connections.Dialect.IsTransient(error))
            {
                await RollbackAsync();
                await Task.Delay(ConflictBackoff(attempt), cancellationToken);
            }
            catch
            {
                await RollbackAsync();
                throw;
            }
        }
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken);
        if (_transaction is not null)
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }
        // A write outside a transaction is a transaction of its own: it queues like one, and is retried like one.
        for (var attempt = 1; ; attempt++)
        {
            await EnterGateAsync(cancellationToken);
            try
            {
                return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
            }
            catch (DbException error) when (attempt < MaxConflictAttempts && connections.Dialect.IsTransient(error))
            {
                LeaveGate();
                await Task.Delay(ConflictBackoff(attempt), cancellationToken);
            }
            finally
            {
                LeaveGate();
            }
        }
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        await (await ConnectionAsync(cancellationToken)).ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        (await (await ConnectionAsync(cancellationToken)).QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList();

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        await (await ConnectionAsync(cancellationToken)).QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private const int MaxConflictAttempts = 5;

    /// <summary>Growing, and jittered so that two instances in conflict do not meet again at the same moment.</summary>
    private static TimeSpan ConflictBackoff(int attempt) => TimeSpan.FromMilliseconds(20 * attempt + Random.Shared.Next(20));

    private async Task EnterGateAsync(CancellationToken cancellationToken)
    {
        if (connections.WriteGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            _heldGate = gate;
        }
    }

    private void LeaveGate()
    {
        _heldGate?.Release();
        _heldGate = null;
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(connections.Dialect.Translate(sql), parameters, _transaction, cancellationToken: cancellationToken);

    private async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await connections.OpenAsync(cancellationToken);
}

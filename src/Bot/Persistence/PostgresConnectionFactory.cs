using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentorBot.Bot.Persistence;

/// <summary>Connections from one pooled Npgsql data source; PostgreSQL takes concurrent writers, so there is no gate.</summary>
public sealed class PostgresConnectionFactory(IOptions<DatabaseOptions> options) : IDbConnectionFactory, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);

    public SemaphoreSlim? WriteGate => null;

    public SqlDialect Dialect => PostgresDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

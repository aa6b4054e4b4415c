using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MentorBot.Bot.Persistence;
using Npgsql;

namespace MentorBot.Bot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1, started once per test run from the machine's server binaries
/// (Debian's postgresql package; `.ci/run` installs it) and stopped when the run ends. Each test gets a schema of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Arguments: the test process id, the folder to remove, then the server's command line.</summary>
    private const string WatchdogScript =
        """
        owner=$1; folder=$2; shift 2
        "$@" & server=$!
        while [ -d /proc/$owner ] && kill -0 $server 2>/dev/null; do sleep 1; done
        kill -INT $server 2>/dev/null; wait $server; rm -rf "$folder"
        """;

    private readonly string _adminConnectionString;

    private PostgresServer(string? adminConnectionString, string? unavailableReason)
    {
        _adminConnectionString = adminConnectionString ?? "";
        UnavailableReason = unavailableReason;
    }

    /// <summary>Null when the server runs; otherwise why the PostgreSQL tests are skipped.</summary>
    public string? UnavailableReason { get; }

    public static PostgresServer Instance => Shared.Value;

    public const string MissingBinariesReason = "PostgreSQL server binaries not found: apt-get install postgresql (or set MENTORBOT_PG_BIN)";

    public static bool BinariesFound => FindBinaries() is not null;

    /// <summary>An empty schema, reached through the connection string's search path, dropped when disposed.</summary>
    public async Task<PostgresSchema> CreateSchemaAsync()
    {
        if (UnavailableReason is not null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { SearchPath = schema }.ToString();
        return new PostgresSchema(schema, connectionString, _adminConnectionString);
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            return new PostgresServer(null, MissingBinariesReason);
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"mentorbot-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        // The server refuses to run as root; under root (CI containers) it runs as the package's postgres user.
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null)
        {
            Run("chown", null, "-R", asUser, dataDirectory);
        }

        var cluster = Path.Combine(dataDirectory, "data");
        Run(Path.Combine(bin, "initdb"), asUser, "-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var port = FreeLoopbackPort();
        // A watchdog shell owns the server: when this test process ends, however it ends (the test host can be killed
        // without running exit handlers), the server stops and its folder goes.
        var server = Process.Start(StartInfo("sh", asUser,
            "-c", WatchdogScript, "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), dataDirectory,
            Path.Combine(bin, "postgres"), "-D", cluster, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", dataDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=300"))!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = true,
            MaxPoolSize = 20,
        }.ToString();
        WaitUntilAccepting(admin, server);
        return new PostgresServer(admin, null);
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MENTORBOT_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }
        return Directory.GetDirectories(debian)
            .Select(version => Path.Combine(version, "bin"))
            .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "postgres")))
            .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static void WaitUntilAccepting(string connectionString, Process server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(connectionString);
                connection.Open();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string? asUser, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(program, asUser, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }

    private static ProcessStartInfo StartInfo(string program, string? asUser, params string[] arguments)
    {
        var info = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var prefix in new[] { "-u", asUser, "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }
}

/// <summary>One test's schema on the shared server.</summary>
public sealed class PostgresSchema(string name, string connectionString, string adminConnectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The databases the storage tests run on: SQLite always, PostgreSQL where its server can be started.</summary>
public static class StorageProviders
{
    /// <summary>Set by CI, where a PostgreSQL test that cannot start its server must fail rather than be left out.</summary>
    public static bool PostgresRequired => Environment.GetEnvironmentVariable("MENTORBOT_REQUIRE_POSTGRES") == "1";

    public static bool PostgresRuns => PostgresRequired || PostgresServer.BinariesFound;

    public static TheoryData<DatabaseProvider> All
    {
        get
        {
            var providers = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (PostgresRuns)
            {
                providers.Add(DatabaseProvider.PostgreSql);
            }
            return providers;
        }
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped, with the reason, on a machine without it (but not in CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!StorageProviders.PostgresRuns)
        {
            Skip = PostgresServer.MissingBinariesReason;
        }
    }
}

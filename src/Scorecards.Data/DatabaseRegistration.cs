using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;

namespace Scorecards.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database holds the data, read from <c>Database:Provider</c> and <c>ConnectionStrings:Scorecards</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionName = "Scorecards";

    /// <summary>The embedded default: SQLite in <paramref name="dataDirectory"/>, unless configuration names another database.</summary>
    public static DatabaseSettings From(IConfiguration config, string dataDirectory)
    {
        var providerText = config["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider is '{providerText}'; use Sqlite or Postgres.");
        }

        var connection = config.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres, but ConnectionStrings:Scorecards is not set.");
            }

            connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "scorecards.db") }.ToString();
        }

        return new DatabaseSettings(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder db)
    {
        _ = Provider switch
        {
            // A list in a query is sent as one parameter (a JSON array, or a PostgreSQL array), never one parameter per
            // value, so no list can pass a provider's limit on parameters (32,766 for SQLite).
            DatabaseProvider.Sqlite => db.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Scorecards.Data.Sqlite")
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            DatabaseProvider.Postgres => db.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Scorecards.Data.Postgres")
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                .ExecutionStrategy(dependencies => new RetryOutsideTransactions(dependencies))),
            _ => throw new InvalidOperationException($"Unsupported database provider '{Provider}'."),
        };
        db.AddInterceptors(AccountsVersion.CommitWatcher);
    }

    /// <summary>A connection of the provider's own, for the few reads that run on every request without a context.</summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnection(ConnectionString),
        _ => throw new InvalidOperationException($"Unsupported database provider '{Provider}'."),
    };

    /// <summary>The full path of the SQLite file; null for other databases and for one in memory.</summary>
    public string? SqliteFile()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        return source is "" or ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) || ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }

    /// <summary>The folder a SQLite file lives in, so it can be created before first use; null for other databases.</summary>
    public string? SqliteDirectory() => SqliteFile() is { } file ? Path.GetDirectoryName(file) : null;
}

public static class DatabaseRegistration
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ContentVersionReader>();
        services.AddScoped<Backups.DatabaseBackup>();
        // The options are the same for every request, so they are built once rather than per request.
        services.AddDbContext<AppDbContext>(settings.Configure, optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    // Any number the application alone uses for a PostgreSQL advisory lock.
    private const long MigrationLock = 0x5C0_4EC_A4D5;

    /// <summary>Creates the database if needed and applies every migration; SQLite files switch to write-ahead logging.</summary>
    public static async Task MigrateAsync(this AppDbContext db, DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.SqliteDirectory() is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Instances that start together migrate one at a time: the second waits on this lock, then finds nothing to do.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try
                {
                    await creator.CreateAsync(ct);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another instance created it a moment ago.
                }
            }

            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }

        if (settings.Provider == DatabaseProvider.Sqlite && settings.SqliteDirectory() is not null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

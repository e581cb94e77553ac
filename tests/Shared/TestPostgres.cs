using Npgsql;

namespace Scorecards.Tests;

/// <summary>
/// A new, empty PostgreSQL database on the server SCORECARDS_TEST_PG names, for one test, and how to drop it. Without
/// that variable the test skips, unless SCORECARDS_REQUIRE_SERVICES is set, when it fails.
/// </summary>
public static class TestPostgres
{
    public static (string Connection, Func<Task> Drop) NewDatabase()
    {
        var server = Environment.GetEnvironmentVariable("SCORECARDS_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1")
            {
                Assert.Fail("SCORECARDS_TEST_PG is not set, and PostgreSQL tests are required here.");
            }

            Skipped.Because("PostgreSQL tests skipped: set SCORECARDS_TEST_PG to a server connection string to run them.");
        }

        var name = $"scorecards_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return (connection, async () =>
        {
            // This database's pool only: clearing every pool would close other tests' connections under them.
            await using (var own = new NpgsqlConnection(connection))
            {
                NpgsqlConnection.ClearPool(own);
            }

            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            // FORCE may not end a server process the test role does not own, such as an autovacuum worker that happens
            // to be in the new database; it leaves within moments, so the drop is tried again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }
        );
    }

    /// <summary>Ends every connection to <paramref name="database"/> but the caller's, as a restart of the server does; returns how many.</summary>
    public static async Task<long> DropConnectionsAsync(string database, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("SCORECARDS_TEST_PG"));
        await admin.OpenAsync(ct);
        await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
        terminate.Parameters.AddWithValue("name", database);
        return (long)(await terminate.ExecuteScalarAsync(ct))!;
    }
}

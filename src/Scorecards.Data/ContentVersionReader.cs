using System.Collections.Concurrent;
using System.Data.Common;

namespace Scorecards.Data;

/// <summary>What a request reads before anything else: the content version and, for a signed-in person, how many of their notices are unread.</summary>
public readonly record struct RequestStamp(string Version, int UnreadNotices);

/// <summary>
/// Reads the content version (and a signed-in person's unread notices, in the same round trip) on every request
/// that uses what a server keeps, so it must cost one indexed read and nothing more: it keeps a few connections open,
/// each with the read already prepared, instead of opening a connection and compiling the statement each time. A
/// read on SQLite outside a transaction starts a fresh read of the file, and on PostgreSQL each statement sees what
/// was committed before it began, so a kept connection never answers an old version. When a read fails, every kept
/// connection is dropped (a restart of the database server ends them all) and the read is tried once more on a new one.
/// </summary>
public sealed class ContentVersionReader(DatabaseSettings settings) : IDisposable
{
    private const string VersionOnly = $"SELECT \"Value\", 0 FROM \"Settings\" WHERE \"Key\" = '{ContentVersion.Key}'";
    private const string WithNotices = $"SELECT (SELECT \"Value\" FROM \"Settings\" WHERE \"Key\" = '{ContentVersion.Key}'), "
        + "(SELECT COUNT(*) FROM \"Notices\" WHERE \"UserId\" = @user AND \"ReadUtc\" IS NULL)";

    private readonly ConcurrentBag<PreparedRead> _anonymous = [];
    private readonly ConcurrentBag<PreparedRead> _personal = [];
    private readonly int _keep = Math.Max(4, Environment.ProcessorCount * 2);
    private bool _disposed;

    /// <summary>The version, and the unread notices of <paramref name="userId"/> (0 for nobody).</summary>
    public async Task<RequestStamp> ReadAsync(string? userId, CancellationToken ct)
    {
        try
        {
            return await ReadOnceAsync(userId, ct);
        }
        catch (DbException)
        {
            // The connection was kept from before a restart of the server or a dropped network: so were the others.
            await DropKeptAsync();
            return await ReadOnceAsync(userId, ct);
        }
    }

    private async Task<RequestStamp> ReadOnceAsync(string? userId, CancellationToken ct)
    {
        var idle = userId is null ? _anonymous : _personal;
        var read = idle.TryTake(out var kept) ? kept : await PreparedRead.OpenAsync(settings, personal: userId is not null, ct);
        RequestStamp stamp;
        try
        {
            if (userId is not null)
            {
                read.Command.Parameters[0].Value = userId;
            }

            await using var reader = await read.Command.ExecuteReaderAsync(ct);
            stamp = await reader.ReadAsync(ct)
                ? new RequestStamp(reader.IsDBNull(0) ? "" : reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture))
                : new RequestStamp("", 0);
        }
        catch
        {
            await read.DisposeAsync();
            throw;
        }

        if (_disposed || idle.Count >= _keep)
        {
            await read.DisposeAsync();
        }
        else
        {
            idle.Add(read);
        }

        return stamp;
    }

    public void Dispose()
    {
        _disposed = true;
        DropKeptAsync().AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask DropKeptAsync()
    {
        foreach (var idle in new[] { _anonymous, _personal })
        {
            while (idle.TryTake(out var read))
            {
                await read.DisposeAsync();
            }
        }
    }

    private sealed class PreparedRead(DbConnection connection, DbCommand command) : IAsyncDisposable
    {
        public DbCommand Command => command;

        public static async Task<PreparedRead> OpenAsync(DatabaseSettings settings, bool personal, CancellationToken ct)
        {
            var connection = settings.CreateConnection();
            try
            {
                await connection.OpenAsync(ct);
                var command = connection.CreateCommand();
                command.CommandText = personal ? WithNotices : VersionOnly;
                if (personal)
                {
                    var user = command.CreateParameter();
                    user.ParameterName = "user";
                    user.DbType = System.Data.DbType.String;
                    user.Size = 450;
                    user.Value = "";
                    command.Parameters.Add(user);
                }

                await command.PrepareAsync(ct);
                return new PreparedRead(connection, command);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

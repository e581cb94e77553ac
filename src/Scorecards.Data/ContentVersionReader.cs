using System.Collections.Concurrent;
using System.Data.Common;

namespace Scorecards.Data;

/// <summary>
/// Reads the content version on every request that uses what a server keeps, so it must cost one indexed read and
/// nothing more: it keeps a few connections open, each with the read already prepared, instead of opening a
/// connection and compiling the statement each time. A read on SQLite outside a transaction starts a fresh read
/// of the file, and on PostgreSQL each statement sees what was committed before it began, so a kept connection
/// never answers an old version. When a read fails, every kept connection is dropped (a restart of the database
/// server ends them all) and the read is tried once more on a new one.
/// </summary>
public sealed class ContentVersionReader(DatabaseSettings settings) : IDisposable
{
    private readonly ConcurrentBag<PreparedRead> _idle = [];
    private readonly int _keep = Math.Max(4, Environment.ProcessorCount * 2);
    private bool _disposed;

    public async Task<string> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await ReadOnceAsync(ct);
        }
        catch (DbException)
        {
            // The connection was kept from before a restart of the server or a dropped network: so were the others.
            await DropKeptAsync();
            return await ReadOnceAsync(ct);
        }
    }

    private async Task<string> ReadOnceAsync(CancellationToken ct)
    {
        var read = _idle.TryTake(out var kept) ? kept : await PreparedRead.OpenAsync(settings, ct);
        string value;
        try
        {
            value = await read.Command.ExecuteScalarAsync(ct) as string ?? "";
        }
        catch
        {
            await read.DisposeAsync();
            throw;
        }

        if (_disposed || _idle.Count >= _keep)
        {
            await read.DisposeAsync();
        }
        else
        {
            _idle.Add(read);
        }

        return value;
    }

    public void Dispose()
    {
        _disposed = true;
        DropKeptAsync().AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask DropKeptAsync()
    {
        while (_idle.TryTake(out var read))
        {
            await read.DisposeAsync();
        }
    }

    private sealed class PreparedRead(DbConnection connection, DbCommand command) : IAsyncDisposable
    {
        public DbCommand Command => command;

        public static async Task<PreparedRead> OpenAsync(DatabaseSettings settings, CancellationToken ct)
        {
            var connection = settings.CreateConnection();
            try
            {
                await connection.OpenAsync(ct);
                var command = connection.CreateCommand();
                command.CommandText = ContentVersion.ReadCommand;
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

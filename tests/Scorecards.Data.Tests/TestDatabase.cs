using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecards.Data;
using Scorecards.Web;
using Scorecards.Web.Cli;

namespace Scorecards.Data.Tests;

/// <summary>
/// A fresh, migrated database of either provider, with the app's services over it. SQLite is a file in
/// a temporary folder; PostgreSQL is a new database on the server named by SCORECARDS_TEST_PG, dropped
/// afterwards. Without that variable the PostgreSQL cases skip, unless SCORECARDS_REQUIRE_SERVICES is set.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;
    private readonly Func<WebApplication> _server;

    private TestDatabase(WebApplication app, Func<Task> cleanup, Func<WebApplication> server)
    {
        _app = app;
        _cleanup = cleanup;
        _server = server;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool demo)
    {
        var ct = TestContext.Current.CancellationToken;
        string connection;
        Func<Task> cleanup;
        var folder = Path.Combine(Path.GetTempPath(), "scorecards-data-tests", Guid.NewGuid().ToString("N"));
        if (provider == DatabaseProvider.Postgres)
        {
            (connection, cleanup) = Scorecards.Tests.TestPostgres.NewDatabase();
        }
        else
        {
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "scorecards.db")};Pooling=False";
            cleanup = () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }

        WebApplication Server() => ServerOver(provider, connection, folder);

        var app = Server();
        await CommandLine.PrepareAsync(app.Services, demo, TextWriter.Null, ct);
        return new TestDatabase(app, cleanup, Server);
    }

    /// <summary>The app's services over a database, neither created nor migrated.</summary>
    public static WebApplication ServerOver(DatabaseProvider provider, string connection, string folder)
    {
        var builder = WebApp.CreateBuilder([], folder);
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:Scorecards"] = connection;
        builder.Logging.ClearProviders();
        return WebApp.Build(builder);
    }

    /// <summary>The app's services of another server on the same database, as a second instance behind a proxy has them.</summary>
    public WebApplication AnotherServer() => _server();

    public AppDbContext NewContext(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cleanup();
    }
}

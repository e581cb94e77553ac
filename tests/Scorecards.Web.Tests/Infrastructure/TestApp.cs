using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Cli;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a test server, with its own SQLite database file in write-ahead-log mode, as an
/// installation has it (migrated, so the SQLite migrations run), and the demo data only when asked for. A file, not a
/// shared in-memory database: shared-cache locking refuses concurrent writers that a real database file serialises.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;
    private readonly Func<Task<TestApp>> _another;

    private TestApp(WebApplication app, Func<Task> cleanup, Func<Task<TestApp>> another)
    {
        _app = app;
        _cleanup = cleanup;
        _another = another;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the data a test asserts on, through the app's own services.</summary>
    public Given Given => new(this);

    /// <summary>
    /// Starts the app on a fake clock: the <paramref name="clock"/> given, or one stopped at the moment the app starts, so
    /// that what the demo seeds relative to today and what a test reads of it agree however long the run takes. On
    /// PostgreSQL the database is a new one on the server SCORECARDS_TEST_PG names, dropped afterwards; without that
    /// variable the test skips, unless SCORECARDS_REQUIRE_SERVICES is set. <paramref name="settings"/> are configuration
    /// values on top (such as <c>Mail:Host</c>). E-mail goes to the pickup folder in the test's data folder.
    /// </summary>
    public static async Task<TestApp> StartAsync(bool demo = false, TimeProvider? clock = null, ILoggerProvider? log = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scorecards-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (connection, dropDatabase) = provider == DatabaseProvider.Postgres
            ? global::Scorecards.Tests.TestPostgres.NewDatabase()
            : (new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "scorecards.db"), Pooling = false }.ToString(), () => Task.CompletedTask);

        async Task<TestApp> Server(Func<Task> cleanup)
        {
            var builder = WebApp.CreateBuilder([], folder);
            builder.Configuration["Database:Provider"] = provider.ToString();
            builder.Configuration["ConnectionStrings:Scorecards"] = connection;
            // The outbox is sent when a test says so (OutboxDispatcher.SendDueAsync), not by a worker racing the test.
            builder.Configuration["Mail:SendInBackground"] = "false";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            if (log is not null)
            {
                builder.Logging.AddProvider(log);
            }

            if (Environment.GetEnvironmentVariable("SCORECARDS_TEST_LOG") is { Length: > 0 } logFile)
            {
                builder.Logging.AddProvider(new FileLog(logFile));
            }

            builder.Services.AddSingleton(clock);

            var app = WebApp.Build(builder);
            await CommandLine.PrepareAsync(app.Services, demo, TextWriter.Null, TestContext.Current.CancellationToken);
            await app.StartAsync(TestContext.Current.CancellationToken);
            // Another server shares the database and the clock; the first one started removes the database at its end.
            return new TestApp(app, cleanup, () => Server(() => Task.CompletedTask));
        }

        return await Server(async () =>
        {
            await dropDatabase();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open is removed with the temporary folder later.
            }
        });
    }

    /// <summary>A second server on this one's database and clock, as a second instance behind a proxy is.</summary>
    public Task<TestApp> AnotherServerAsync() => _another();

    /// <summary>
    /// A client that keeps cookies, as a browser does, and does not follow redirects; given <paramref name="sameBrowserAs"/>,
    /// it shares that client's cookies, as one browser sent to another server behind a proxy does.
    /// </summary>
    public HttpClient CreateClient(HttpClient? sameBrowserAs = null)
    {
        var cookies = sameBrowserAs is not null && Jars.TryGetValue(sameBrowserAs, out var jar) ? jar : new CookieContainer();
        var handler = new CookieHandler(cookies) { InnerHandler = _app.GetTestServer().CreateHandler() };
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
        Jars.AddOrUpdate(client, cookies);
        return client;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Jars = new();

    /// <summary>A client signed in through the real sign-in page; accounts built by <see cref="Given"/> have its password.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Given.Password)
    {
        var client = CreateClient();
        var response = await PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An API client with a personal access token of the given account.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var (token, error) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user, "test", TokenScope.ReadWrite, null, TestContext.Current.CancellationToken);
        Assert.True(token is not null, error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Posts a form the way a browser does: first reads the page for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? pagePath = null)
    {
        var page = await client.GetStringAsync(pagePath ?? path, TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {pagePath ?? path}");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        return await client.PostAsync(path, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads a file from a page's form the way a browser does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string pagePath, string fileName, byte[] content,
        string field = "file")
    {
        var page = await client.GetStringAsync(pagePath, TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {pagePath}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await client.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _cleanup();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        private readonly CookieContainer _cookies = cookies;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    _cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}

/// <summary>The demo's accounts, whose password is <see cref="Password"/>.</summary>
public static class Demo
{
    public const string Password = "scorecards-demo";

    public const string Admin = "admin@demo.scorecards.test";
    public const string Indonesia = "cochair.indonesia@demo.scorecards.test";
    public const string Australia = "cochair.australia@demo.scorecards.test";
    public const string WgTip = "reporter.wg-tip@demo.scorecards.test";
    public const string Rso = "reporter.rso@demo.scorecards.test";
    public const string TegRr = "reporter.teg-rr@demo.scorecards.test";
    public const string Viewer = "viewer@demo.scorecards.test";
}

/// <summary>Warnings and errors of the app under test, written to the file SCORECARDS_TEST_LOG names, to see why a request failed.</summary>
internal sealed class FileLog(string path) : ILoggerProvider, ILogger
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Gate)
        {
            File.AppendAllText(path, $"{logLevel}: {formatter(state, exception)}\n{exception}\n");
        }
    }
}

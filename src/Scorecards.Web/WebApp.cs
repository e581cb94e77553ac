using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Data.Auditing;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Activities;
using Scorecards.Web.Features.Audit;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Meetings;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Features.Secondments;
using Scorecards.Web.Features.Seeding;
using Scorecards.Web.Features.Statements;
using Scorecards.Web.Features.WorkPlans;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web;

/// <summary>The web application: services, then the request pipeline. Read top to bottom as a table of contents.</summary>
public static class WebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in the application assembly; naming it keeps that true when tests host the app.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.Configuration["Scorecards:DataDirectory"] = Path.GetFullPath(dataDirectory);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = DatabaseSettings.From(builder.Configuration, builder.Configuration["Scorecards:DataDirectory"] ?? "data");

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddAppDatabase(database);
        services.AddAppIdentity();
        services.AddAuthorization(Policies.Add);
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<IAuthorizationHandler, ScorecardAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ActivityAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, WorkPlanAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, MeetingAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, DecisionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, RegisterAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, StatementDraftAuthorizationHandler>();
        services.AddScorecardsServices();
        services.AddNotices(builder.Configuration, builder.Configuration["Scorecards:DataDirectory"] ?? "data");
        services.AddDataProtection().SetApplicationName("Scorecards").PersistKeysToDbContext<AppDbContext>();
        services.AddLanguages(builder.Configuration);
        services.AddRazorPages(o => o.RootDirectory = "/Features").AddViewLocalization().AddMvcOptions(o =>
        {
            o.Filters.Add<FormText>();
            o.Filters.Add<ConfirmFirst>();
            o.Filters.AddService<KeptPages.Capture>();
        });
        services.AddSingleton<KeptPages>();
        services.AddSingleton<KeptPages.Capture>();
        // Pages carry dashes, quotes and members' names beyond ASCII: only characters that mean something to HTML are
        // escaped, so "16–18 July 2024" reads the same in the page source as on screen.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
            {
                // The framework's validation speaks as every other validation problem does: code "validation", fields as in the JSON.
                ApiProblems.AsValidation(validation);
            }

            ctx.ProblemDetails.Extensions.TryAdd("code", ApiProblems.CodeFor(status));
            // Titles and details in the reader's language (Accept-Language); codes and field names stay as they are.
            ApiProblems.Localize(ctx.ProblemDetails, ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Strings>>());
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddOpenApi("v1", ApiDocument.Configure);
        // Behind a reverse proxy on the same machine, the scheme and address it forwards are believed, so that HTTPS
        // requests get HSTS and Secure cookies; other proxies are named in ForwardedHeaders:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.AddTelemetry();
        // A body that cannot be bound (malformed, empty, not JSON) is thrown to the API's exception handler, which says what and where.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Request records' own bounds (how many items a list may hold) are checked before a handler runs: 400 validation.
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ApiProblems.PlainText());
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
        // One line per request; the framework speaks from Warning up unless configuration raises it (the benchmark counts
        // SQL commands with Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information).
        builder.Logging.AddQuietLogging(builder.Configuration);
        // HTML, styles, JSON and SVG go out compressed: Brotli where the browser takes it, else gzip, at the fastest level
        // so that compressing costs less than sending. Pages carry no secret that repeats across responses (the
        // anti-forgery token is encrypted afresh for each response), so compressing them over HTTPS gives BREACH nothing to find.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/plain", "text/markdown", "text/csv", "application/javascript", "application/json",
                "application/problem+json", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        // Bodies are small unless an endpoint that takes a file says otherwise.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestBodies.DefaultMaxBytes);

        var app = builder.Build();
        Markdown.Log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecards.Markdown");

        app.UseForwardedHeaders();
        app.UseRequestLog();
        // The reader's language is settled before anything is written, error pages included.
        app.UseRequestLocalization();
        app.UseResponseCompression();
        app.UseAppExceptionHandler();
        app.UseHsts();
        app.UseAppStatusCodePages();
        app.UseSecurityHeaders();
        // The styles and script are served from the program itself. Pages name them with a hash of their content
        // (asp-append-version), so a named version never changes and browsers keep it for a year; an address without the
        // hash is kept for an hour.
        app.Environment.WebRootFileProvider = new ManifestEmbeddedFileProvider(Assembly.GetExecutingAssembly(), "wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseOutputCache();
        app.UseRequestBodyLimits();
        app.UseAuthentication();
        app.UseApiWriteGuard();
        app.UsePasswordChangeRequirement();
        app.UseTwoFactorRequirement();
        app.UseAuthorization();

        app.MapTelemetry();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The interactive API reference, served from this app: no fonts, telemetry, AI chat or sharing that would reach elsewhere.
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o =>
            {
                o.WithTitle("Scorecards API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts().WithNonce();
                o.Telemetry = false;
                o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                o.Agent = new ScalarAgentOptions { Disabled = true };
            })
            .AllowAnonymous();
        app.MapRazorPages();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Member);
        api.MapMembersApi();
        api.MapAccountsApi();
        api.MapSecondmentsApi();
        api.MapFrameworkApi();
        api.MapRoundsApi();
        api.MapSummaryApi();
        api.MapActivitiesApi();
        api.MapMeetingsApi();
        api.MapWorkPlansApi();
        api.MapAssessmentApi();
        api.MapExportsApi();
        api.MapStatementApi();
        api.MapScorecardsApi();
        api.MapAuditApi();
        app.MapPublicApi();

        return app;
    }

    private static void AddAppIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                // Reset links carry the app's own token: expiring by the app's clock, and once used, spent.
                o.Tokens.PasswordResetTokenProvider = LinkTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<LinkTokenProvider>(LinkTokenProvider.Name)
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        // Bodies and roles are read into claims at sign-in; re-reading them each minute makes a change by an administrator take effect soon.
        // The claim that says the person signed in with a second factor is kept when the claims are refreshed.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst("amr") is { } amr && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim("amr", amr.Value))
                {
                    identity.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "scorecards";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : null;
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<SignInCache>();
        services.AddSingleton<IAccountsWatcher>(sp => sp.GetRequiredService<SignInCache>());
    }

    // The API answers 401 and 403 as problem details; pages send the browser to sign in.
    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddScorecardsServices(this IServiceCollection services)
    {
        services.AddScoped<FrameworkImporter>();
        services.AddScoped<FrameworkEditor>();
        services.AddScoped<RoundService>();
        services.AddScoped<Features.Meetings.MeetingService>();
        services.AddScoped<Features.Members.RegisterService>();
        services.AddScoped<Features.Members.MembershipReview>();
        services.AddScoped<Features.Members.MemberImporter>();
        services.AddScoped<Features.Members.BodyImporter>();
        services.AddScoped<AccountImporter>();
        services.AddScoped<Features.Setup.StarterLoader>();
        services.AddScoped<Features.Setup.FirstRun>();
        services.AddScoped<Features.Secondments.SecondmentService>();
        services.AddScoped<Features.Statements.StatementService>();
        services.AddScoped<Features.Activities.ActivityService>();
        services.AddScoped<Features.WorkPlans.WorkPlanService>();
        services.AddScoped<ScorecardService>();
        services.AddScoped<BulkApproval>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<Features.Settings.SecuritySettings>();
        services.AddScoped<CoChairGovernments>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Features.Shared.LayoutInfo>();
        services.AddSingleton<Features.Rounds.RoundViews>();
        // The matrix a round page renders is kept as text (the cache tag helper): bounded like the rest of what is kept.
        services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(o => o.SizeLimit = 32 * 1024 * 1024);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 32 * 1024 * 1024;
            o.AddPolicy(PublicRoundOutputCache.Name, new PublicRoundOutputCache());
        });
        services.AddScoped<Features.Rounds.RequestVersion>();
    }
}

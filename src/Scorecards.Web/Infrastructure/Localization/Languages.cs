using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Scorecards.Web.Infrastructure.Localization;

/// <summary>
/// The languages the product speaks: English, the Process's working language, and Bahasa Indonesia. A reader's language
/// comes from <c>?lang=</c> (papers and links), then the cookie the header's switch sets, then the browser's
/// Accept-Language, then English. Dates and numbers follow the language: "21 Mei 2025", "8.000".
/// </summary>
public static class Languages
{
    public const string CookieName = "scorecards.lang";
    public const string QueryKey = "lang";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    /// <summary>The languages offered on this server: Indonesian unless <c>Languages:Indonesian</c> is false.</summary>
    public static IReadOnlyList<CultureInfo> Offered(IConfiguration configuration) =>
        configuration.GetValue("Languages:Indonesian", true) ? [English, Indonesian] : [English];

    /// <summary>The language's own name, as the switch offers it: "English", "Bahasa Indonesia".</summary>
    public static string NativeName(CultureInfo culture) => IsEnglish(culture) ? "English" : "Bahasa Indonesia";

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The value of an HTML <c>lang</c> attribute for the culture: "en-GB", "id".</summary>
    public static string Tag(CultureInfo culture) => culture.Name;

    /// <summary>The culture a <c>?lang=</c> value or a command's <c>--lang</c> names, when this server offers it.</summary>
    public static CultureInfo? Find(string? name, IReadOnlyList<CultureInfo> offered) =>
        string.IsNullOrWhiteSpace(name) ? null
            : offered.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.TwoLetterISOLanguageName, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<MissingText>();
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, ReportingLocalizerFactory>();
        var offered = Offered(configuration);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(English);
            o.SupportedCultures = offered.ToList();
            o.SupportedUICultures = offered.ToList();
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ];
        });
        return services;
    }

    /// <summary>
    /// The language of a person's stored choice, for what is written to them outside a request (e-mails): their choice
    /// where this server offers it, else English.
    /// </summary>
    public static CultureInfo For(string? chosen, IReadOnlyList<CultureInfo> offered) => Find(chosen, offered) ?? English;

    /// <summary>
    /// Writes in <paramref name="culture"/> until disposed: texts, dates and numbers. What is stored for every reader
    /// (notices) is written in English this way, and each e-mail in its reader's language.
    /// </summary>
    public static IDisposable Use(CultureInfo culture) => new Scope(culture);

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }

    /// <summary>
    /// A number as a person types it in their language: "12.5" or "1,000" in English, "12,5" in Indonesian. Outside
    /// English no thousands separator is read, as Indonesian's is English's decimal point: "1.000" is refused rather than
    /// misread.
    /// </summary>
    public static decimal? ReadNumber(string? text) =>
        decimal.TryParse(text, IsEnglish(CultureInfo.CurrentCulture) ? NumberStyles.Number
                : NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.CurrentCulture, out var value) ? value : null;

    /// <summary>A number for a form's field, as <see cref="ReadNumber"/> reads it back.</summary>
    public static string WriteNumber(decimal value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    /// <summary>The cookie that remembers a reader's choice for a year.</summary>
    public static void Remember(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });
}

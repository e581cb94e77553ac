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

    /// <summary>The languages offered on this server: Indonesian when <c>Languages:Indonesian</c> is true.</summary>
    public static IReadOnlyList<CultureInfo> Offered(IConfiguration configuration) =>
        configuration.GetValue("Languages:Indonesian", false) ? [English, Indonesian] : [English];

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

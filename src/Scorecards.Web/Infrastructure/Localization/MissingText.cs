using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Scorecards.Web.Infrastructure.Localization;

/// <summary>
/// The texts asked for in a language other than English that its resources lack, so that shown in English instead. Each
/// is logged once as a warning; the tests read the list and fail on any.
/// </summary>
public sealed class MissingText(ILogger<MissingText> log)
{
    private const int Limit = 1000;
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Texts => _missing.Keys.Order(StringComparer.Ordinal).ToList();

    public void Clear() => _missing.Clear();

    internal void Report(string culture, string text)
    {
        if (_missing.Count < Limit && _missing.TryAdd($"{culture}: {text}", 0))
        {
            log.LogWarning("No {Culture} text for \"{Text}\"; it is shown in English.", culture, text);
        }
    }
}

/// <summary>The resource files' localizers, each reporting what a language other than English lacks.</summary>
internal sealed class ReportingLocalizerFactory(ResourceManagerStringLocalizerFactory inner, MissingText missing) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Reporting(inner.Create(resourceSource), missing);

    public IStringLocalizer Create(string baseName, string location) => new Reporting(inner.Create(baseName, location), missing);

    private sealed class Reporting(IStringLocalizer inner, MissingText missing) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Check(LocalizedString text)
        {
            var culture = CultureInfo.CurrentUICulture;
            if (text.ResourceNotFound && !Languages.IsEnglish(culture) && culture.TwoLetterISOLanguageName != "iv")
            {
                missing.Report(culture.Name, text.Name);
            }

            return text;
        }
    }
}

using System.Resources;
using Microsoft.Extensions.Localization;

// Resources are named from the root namespace, not the assembly's name ("scorecards"); English is what the main assembly holds.
[assembly: RootNamespace("Scorecards.Web")]
[assembly: NeutralResourcesLanguage("en-GB")]

namespace Scorecards.Web;

/// <summary>
/// The product's words in languages other than English: <c>Resources/Strings.id.resx</c> holds the Indonesian for each
/// English text, which is its own key. Pages take them through <c>IHtmlLocalizer&lt;Strings&gt;</c> (as <c>T</c>), code
/// through <c>IStringLocalizer&lt;Strings&gt;</c>. A text without an entry shows in English and is reported
/// (<see cref="Infrastructure.Localization.MissingText"/>).
/// </summary>
public sealed class Strings
{
    private Strings()
    {
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Domain.Notices;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Notices;

/// <summary>What to tell people: the same subject, text and link for each of them.</summary>
public sealed record NoticeDraft(NoticeKind Kind, string Subject, string Text, string? Link)
{
    /// <summary>For a scheduled notice, what makes it unique for one person; the person's id is added to it.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// The deadline the notice is about, and the round's zone it is stated in: a person who reads times in another
    /// zone is also told when that is for them.
    /// </summary>
    public (DateOnly DueOn, string Zone)? Deadline { get; init; }
}

/// <summary>
/// Writes notices to people, with their e-mails where they take them one by one, into the pending changes of a
/// database context: they are saved with the change that causes them, or not at all. Never saves by itself.
/// </summary>
public sealed class Notifier(MailSettings mail, IDataProtectionProvider protection, TimeProvider clock, IStringLocalizer<Strings> t,
    IOptions<RequestLocalizationOptions> languages)
{
    public const string DigestPurpose = "digest";

    /// <summary>Tells each person in <paramref name="userIds"/> (disabled accounts excepted) what <paramref name="draft"/> says.</summary>
    public async Task TellAsync(AppDbContext db, IEnumerable<string> userIds, NoticeDraft draft, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DisabledUtc == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZone, u.Language }).ToListAsync(ct);
        var chosen = await db.NoticePreferences.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Kind == draft.Kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
        var keys = draft.Key is null ? [] : await ExistingKeysAsync(db, people.Select(p => KeyFor(draft.Key, p.Id)).ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people)
        {
            var key = draft.Key is null ? null : KeyFor(draft.Key, person.Id);
            if (key is not null && keys.Contains(key))
            {
                continue; // written before, on this server or another
            }

            var delivery = NoticeKinds.Effective(draft.Kind, chosen.TryGetValue(person.Id, out var d) ? d : null);
            // Kept in English, as every notice is, and said in each reader's language when shown or mailed.
            string text;
            using (Languages.Use(Languages.English))
            {
                text = draft.Text + InTheirZone(draft.Deadline, person.TimeZone);
            }

            db.Notices.Add(new Notice
            {
                UserId = person.Id,
                Kind = draft.Kind,
                Subject = Clip(draft.Subject, Notice.MaxSubjectLength),
                Text = Clip(text, Notice.MaxTextLength),
                Link = draft.Link,
                CreatedUtc = now,
                Key = key,
                Delivery = delivery,
            });
            if (delivery == Delivery.Immediately && !string.IsNullOrEmpty(person.Email))
            {
                using var language = Languages.Use(LanguageOf(person.Language));
                db.Outbox.Add(Mail(person.Id, person.Email, person.DisplayName, draft.Kind.ToString(), Phrases.Say(t, draft.Subject),
                    [.. Paragraphs(text).Select(p => Phrases.SayOrKeep(t, p))], draft.Link, Unsubscribe(person.Id, draft.Kind), now, lessOnly: NoticeKinds.IsDeadline(draft.Kind)));
            }
        }
    }

    /// <summary>The language a person's e-mails are written in: their choice where this server offers it, else English.</summary>
    public CultureInfo LanguageOf(string? chosen) => Languages.For(chosen, languages.Value.SupportedUICultures?.ToList() ?? [Languages.English]);

    /// <summary>
    /// An e-mail to one person, in the current UI culture's language, ready for the outbox: greeting, paragraphs, the link to act (as <paramref name="linkLabel"/>
    /// says), and the footer, which for a notice also says where to choose which e-mails come, and has its one-click
    /// link: to stop this kind, or, with <paramref name="lessOnly"/> (a body's own deadlines), to take it in the daily
    /// digest instead. Only a real stop is announced to mail programs as List-Unsubscribe.
    /// </summary>
    public OutboxMessage Mail(string? userId, string email, string name, string purpose, string subject, IReadOnlyList<string> paragraphs,
        string? link, string? unsubscribe, DateTime nowUtc, string? linkLabel = null, bool aboutNotices = true, bool lessOnly = false)
    {
        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{Languages.Tag(CultureInfo.CurrentUICulture)}\"><body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b\">");
        var greeting = t["Dear {0},", name].Value;
        text.Append(greeting).Append("\n\n");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(E(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (link is not null)
        {
            var url = mail.Link(link);
            text.Append(linkLabel ?? t["Open it"]).Append(": ").Append(url).Append("\n\n");
            html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(linkLabel ?? t["Open it in Scorecards"])).Append("</a></p>");
        }

        text.Append("-- \nBali Process Scorecards\n");
        html.Append("<hr><p style=\"font-size:13px;color:#505a5f\">Bali Process Scorecards");
        if (aboutNotices)
        {
            var settings = mail.Link("/notices/settings");
            text.Append(t["Choose which e-mails you receive"]).Append(": ").Append(settings).Append('\n');
            html.Append("<br><a href=\"").Append(E(settings)).Append("\">").Append(E(t["Choose which e-mails you receive"])).Append("</a>");
        }

        if (unsubscribe is not null)
        {
            string label = lessOnly ? t["Get e-mails of this kind once a day instead"] : t["Stop e-mails of this kind"];
            text.Append(label).Append(": ").Append(unsubscribe).Append('\n');
            html.Append(" · <a href=\"").Append(E(unsubscribe)).Append("\">").Append(E(label)).Append("</a>");
        }

        html.Append("</p></body></html>");
        return new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{mail.SiteUrl.Host}",
            UserId = userId,
            To = email,
            ToName = Clip(name, 200),
            Subject = Clip(subject, Notice.MaxSubjectLength),
            Purpose = purpose,
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
            UnsubscribeUrl = lessOnly ? null : unsubscribe,
            CreatedUtc = nowUtc,
            NextAttemptUtc = nowUtc,
            Status = OutboxStatus.Pending,
        };
    }

    /// <summary>
    /// The signed one-click address that switches e-mails of <paramref name="kind"/> off for a person, or, for the
    /// reminders of their own deadlines, which cannot be switched off, into the daily digest.
    /// </summary>
    public string Unsubscribe(string userId, NoticeKind kind) =>
        mail.Link($"/notices/unsubscribe?t={UnsubscribeToken.Create(protection, userId, kind)}");

    /// <summary>
    /// For a person who reads times in a zone other than the round's, when the deadline ends for them, as a paragraph
    /// of its own; nothing for everyone else.
    /// </summary>
    public static string InTheirZone((DateOnly DueOn, string Zone)? deadline, string? personZone)
    {
        if (deadline is not { } due || personZone is null || personZone == due.Zone
            || Reminders.Zone(due.Zone) is not { } roundZone || Reminders.Zone(personZone) is not { } theirs)
        {
            return "";
        }

        var ends = TimeZoneInfo.ConvertTimeFromUtc(Reminders.DueEndsUtc(due.DueOn, roundZone), theirs);
        return $"\n\nIn your time zone ({personZone}), the due date ends at {ends:HH:mm} on {ends:dddd d MMMM yyyy}.";
    }

    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string KeyFor(string key, string userId) => Clip($"{key}:{userId}", Notice.MaxKeyLength);

    private static async Task<HashSet<string>> ExistingKeysAsync(AppDbContext db, List<string> keys, CancellationToken ct) =>
        [.. await db.Notices.AsNoTracking().Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => n.Key!).ToListAsync(ct),
            .. db.Notices.Local.Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => n.Key!)];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The signed token of an unsubscribe link: whose and which kind; it cannot be made or altered without the app's keys.</summary>
public static class UnsubscribeToken
{
    private const string Purpose = "Scorecards.Notices.Unsubscribe";

    public static string Create(IDataProtectionProvider protection, string userId, NoticeKind kind) =>
        SignedText.Seal(protection.CreateProtector(Purpose), userId, kind.ToString());

    public static (string UserId, NoticeKind Kind)? Read(IDataProtectionProvider protection, string? token) =>
        SignedText.Open(protection.CreateProtector(Purpose), token, maxLength: 1000) is [var userId, var name] && Enum.TryParse<NoticeKind>(name, out var kind)
            ? (userId, kind)
            : null;
}

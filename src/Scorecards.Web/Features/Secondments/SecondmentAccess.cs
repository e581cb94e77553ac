using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Secondments;

/// <summary>
/// What a person may see and do in the RSO secondment programme, the one rule for pages and API alike. The RSO's reporters
/// and administrators run it and alone see nominees' names; the Co-Chairs read every expression of interest without names;
/// a member's focal point (a member viewer of that member) submits and withdraws its own and reads only those; other
/// reporters see none.
/// </summary>
public sealed record SecondmentAccess(bool RunsProgramme, bool ReadsAll, int? FocalPointOf)
{
    /// <summary>The body that runs the programme.</summary>
    public const string ProgrammeBody = "RSO";

    public static readonly SecondmentAccess None = new(false, false, null);

    public bool SeesNames => RunsProgramme;

    public bool MayRead(int memberId) => ReadsAll || FocalPointOf == memberId;

    /// <summary>The RSO and the secretariat record interest for any member; a focal point for its own.</summary>
    public bool MaySubmitFor(int memberId) => RunsProgramme || FocalPointOf == memberId;

    public bool MaySubmit => RunsProgramme || FocalPointOf is not null;

    /// <summary>The RSO takes every step; the member's focal point may withdraw its own.</summary>
    public bool MayTake(SecondmentStatus step, int memberId) => RunsProgramme || (step == SecondmentStatus.Withdrawn && FocalPointOf == memberId);

    public static async Task<SecondmentAccess> ForAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (user.IsAdministrator())
        {
            return new SecondmentAccess(true, true, null);
        }

        if (user.IsInRole(Roles.Reporter) && user.BodyIds().Count > 0)
        {
            var bodies = user.BodyIds().ToList();
            if (await db.Bodies.AnyAsync(b => b.Code == ProgrammeBody && bodies.Contains(b.Id), ct))
            {
                return new SecondmentAccess(true, true, null);
            }
        }

        if (user.IsCoChair())
        {
            return new SecondmentAccess(false, true, null);
        }

        return user.IsInRole(Roles.MemberViewer) && user.MemberId() is { } member ? new SecondmentAccess(false, false, member) : None;
    }
}

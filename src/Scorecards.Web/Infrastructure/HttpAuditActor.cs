using Scorecards.Data.Auditing;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Infrastructure;

/// <summary>The person behind the current request, for the audit log; the command line uses a <see cref="SystemActor"/>.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : null;

    public string UserName => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.Identity?.Name ?? user.DisplayName()
        : accessor.HttpContext is null ? "command line" : "anonymous";
}

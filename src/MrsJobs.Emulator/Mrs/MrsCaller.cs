using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Mrs;

/// <summary>The authenticated caller of an MRS request, put on the request by <see cref="MrsAuthFilter"/>.</summary>
internal sealed record MrsCaller(string UserName, string DomainId, string ProjectId)
{
    private static readonly object ItemKey = new();

    public static MrsCaller Get(HttpContext context) => (MrsCaller)context.Items[ItemKey]!;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}

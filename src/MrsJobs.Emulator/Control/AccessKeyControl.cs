using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>POST /_emulator/access-keys</c>: adds (or replaces) a permanent or temporary AK/SK pair for a user.</summary>
internal static class AccessKeyControl
{
    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<AccessKeyBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.User) || string.IsNullOrEmpty(body.AccessKey) || string.IsNullOrEmpty(body.SecretKey))
        {
            return ControlJson.BadRequest("user, access_key and secret_key are required (domain defaults to demo-account).");
        }

        var temporary = body.Temporary ?? body.SecurityToken is not null;
        if (temporary && string.IsNullOrEmpty(body.SecurityToken))
        {
            return ControlJson.BadRequest("A temporary access key needs a security_token.");
        }

        var domainName = body.Domain ?? SeedData.DomainName;
        var domain = state.Identity.FindDomain(domainName, null);
        var user = domain is null ? null : state.Identity.FindUser(domain.Id, body.User);
        if (user is null)
        {
            return ControlJson.BadRequest($"No user {body.User} in account {domainName}.");
        }

        var key = new EmulatorAccessKey(body.AccessKey, body.SecretKey, temporary ? body.SecurityToken : null, user);
        state.AccessKeys.Put(key);
        return ControlJson.Ok(
            new AccessKeyView(key.AccessKey, key.IsTemporary, key.SecurityToken, user.Name, domainName, user.DomainId),
            StatusCodes.Status201Created);
    }
}

namespace MrsJobs.Core.Http;

/// <summary>
/// What a request does to the service, which decides what may be retried (see <see cref="RetryPolicy"/>).
/// </summary>
internal enum RequestKind
{
    /// <summary>Reads nothing changes (list, show, SQL result, IAM lookups): safe to repeat.</summary>
    Read,

    /// <summary>Creates a job; the API has no idempotency key, so it is repeated only when it was certainly not processed.</summary>
    Submit,

    /// <summary>Stops a job: repeating it cannot stop a second job (a second kill of an ended job is refused with 0175).</summary>
    Kill,

    /// <summary>Deletes job records: repeating it cannot delete more than was asked (deleting a deleted job is refused as not found).</summary>
    Delete,

    /// <summary>Asks IAM for a token: repeating it only issues another token.</summary>
    SignIn,
}

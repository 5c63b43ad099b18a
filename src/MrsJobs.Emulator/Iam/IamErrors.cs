using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;

namespace MrsJobs.Emulator.Iam;

/// <summary>IAM's own error body: <c>{"error":{"code":…,"message":…,"title":…}}</c>.</summary>
internal static class IamErrors
{
    public const string WrongCredentials = "The username or password is wrong.";

    public const string InvalidSubjectToken = "X-Subject-Token is invalid in the request";

    public const string NotAuthorized = "You are not authorized to perform the requested action.";

    public static JsonReply BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "Bad Request", message);

    public static JsonReply Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static JsonReply Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static JsonReply NotFound(string message) => Error(StatusCodes.Status404NotFound, "Not Found", message);

    private static JsonReply Error(int code, string title, string message) =>
        JsonReply.Create(code, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["title"] = title,
            },
        });
}

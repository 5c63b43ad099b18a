using System.Linq;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests;

/// <summary>
/// The core library shows users and the module only what they need: the models, the session and its
/// options, the exception and its kinds and ids, and the documented rules. Everything else (HTTP,
/// API client, auth, engine, journal) is internal; a change here is a decision, not an accident.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly string[] CoreTypes =
    {
        "MrsJobs.Core.Credentials.CredentialsException",
        "MrsJobs.Core.Credentials.CredentialsProblem",
        "MrsJobs.Core.Errors.ErrorIds",
        "MrsJobs.Core.Errors.MrsApiException",
        "MrsJobs.Core.Errors.MrsErrorKind",
        "MrsJobs.Core.Errors.RequestOutcome",
        "MrsJobs.Core.Http.RetryPolicy",
        "MrsJobs.Core.Journal.JournalException",
        "MrsJobs.Core.Journal.JournalProblem",
        "MrsJobs.Core.Models.JobArguments",
        "MrsJobs.Core.Models.JobDefinition",
        "MrsJobs.Core.Models.JobDuration",
        "MrsJobs.Core.Models.JobExecution",
        "MrsJobs.Core.Models.JobProperties",
        "MrsJobs.Core.Models.JobResults",
        "MrsJobs.Core.Models.JobStates",
        "MrsJobs.Core.Models.JobSubmitResult",
        "MrsJobs.Core.Models.JobTime",
        "MrsJobs.Core.Models.JobTypes",
        "MrsJobs.Core.Models.SqlStatementResult",
        "MrsJobs.Core.Models.SubmissionOrigin",
        "MrsJobs.Core.Models.SubmitStates",
        "MrsJobs.Core.Sessions.AuthMethod",
        "MrsJobs.Core.Sessions.MrsSession",
        "MrsJobs.Core.Sessions.SessionOptions",
        "MrsJobs.Core.Validation.JobContract",
        "MrsJobs.Core.Validation.JobDefinitionValidator",
        "MrsJobs.Core.Validation.JobInput",
        "MrsJobs.Core.Validation.JobRule",
        "MrsJobs.Core.Validation.ResourceIdRule",
        "MrsJobs.Core.Validation.ValidationFailure",
        "MrsJobs.Core.Validation.ValidationResult",
    };

    [Fact]
    public void TheCoreExportsOnlyModelsSessionErrorsAndRules()
    {
        var exported = typeof(JobDefinition).Assembly.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(CoreTypes, exported);
    }

    [Fact]
    public void TheModuleExportsItsCmdletsAndWhatPowerShellInstantiatesFromTheirAttributes()
    {
        var exported = typeof(MrsJobs.Commands.NewMrsJobExecutionCommand).Assembly.GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Command", System.StringComparison.Ordinal))
            .Select(t => t.FullName)
            .OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "MrsJobs.Binding.ArgumentsTransformationAttribute",
                "MrsJobs.Binding.PropertiesTransformationAttribute",
                "MrsJobs.Binding.SecureStringTransformationAttribute",
                "MrsJobs.Completion.JobResultCompleter",
                "MrsJobs.Completion.JobStateCompleter",
                "MrsJobs.Completion.JobTypeCompleter",
                "MrsJobs.Completion.NameListCompleter",
                "MrsJobs.Completion.RegionCompleter",
                "MrsJobs.Hosting.MrsApiCmdletBase",
                "MrsJobs.Hosting.MrsCmdletBase",
                "MrsJobs.Hosting.MrsJobCmdletBase",
                "MrsJobs.Loading.ModuleInitializer",
                "MrsJobs.Validation.ValidateJobResultAttribute",
                "MrsJobs.Validation.ValidateJobStateAttribute",
                "MrsJobs.Validation.ValidateJobTypeAttribute",
                "MrsJobs.Validation.ValidateNameListAttribute",
            },
            exported);
    }
}

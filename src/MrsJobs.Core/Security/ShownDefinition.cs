using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Security;

/// <summary>
/// A job's arguments and properties as results may show them: secret-looking property values, secret
/// assignments inside arguments and the argument after a secret's name hidden, as when a job is read back.
/// </summary>
internal static class ShownDefinition
{
    /// <summary>The arguments to show; a <c>null</c> item (an invalid row's) is shown empty.</summary>
    public static JobArguments Arguments(IReadOnlyList<string?>? arguments) =>
        arguments is null || arguments.Count == 0
            ? JobArguments.Empty
            : new JobArguments(Redactor.Arguments(arguments.Select(a => a ?? string.Empty).ToList()));

    /// <summary>The properties to show.</summary>
    public static JobProperties Properties(IEnumerable<KeyValuePair<string, string>> properties) =>
        new(properties.Select(p => new KeyValuePair<string, string>(p.Key, Redactor.PropertyValue(p.Key, p.Value))));

    /// <summary>The properties of raw input to show; a <c>null</c> value (an invalid row's) is shown empty.</summary>
    public static JobProperties InputProperties(IEnumerable<KeyValuePair<string, string?>>? properties) =>
        properties is null
            ? JobProperties.Empty
            : new JobProperties(properties.Select(p => new KeyValuePair<string, string>(p.Key ?? string.Empty, Redactor.PropertyValue(p.Key ?? string.Empty, p.Value))));
}

using System;
using System.Collections;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Errors;

namespace MrsJobs.Hosting;

/// <summary>
/// The base of every MrsJobs cmdlet. It owns cancellation (Ctrl+C cancels the running requests at
/// once) and the single bridge from the async core to the synchronous pipeline: a
/// <see cref="PipelinePump"/> that lives for the whole command, into which work on other threads posts
/// typed messages, written here on the pipeline thread as they arrive.
/// </summary>
public abstract class MrsCmdletBase : PSCmdlet, IDisposable
{
    private static string? _userAgent;
    private static readonly MethodInfo? WriteDebugNoPrompt = FindNoPromptOverload("WriteDebug", typeof(DebugRecord));
    private static readonly MethodInfo? WriteVerboseNoPrompt = FindNoPromptOverload("WriteVerbose", typeof(VerboseRecord));
    private readonly CancellationTokenSource _cancellation = new();
    private PipelinePump? _pump;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary><c>MrsJobs/{version} PowerShell/{version}</c>.</summary>
    protected string UserAgent => _userAgent ??= BuildUserAgent();

    /// <summary>The command's pump: work on other threads posts output, errors, progress and trace lines here.</summary>
    private protected PipelinePump Pump => _pump ??= new PipelinePump();

    /// <summary>A call context for this command: its trace lines go through the pump, Ctrl+C cancels it.</summary>
    private protected CallContext NewCallContext(RetryPolicy? retry = null) =>
        new(Pump.TraceSink(IsVerboseEnabled(), IsDebugEnabled()), _cancellation.Token, retry, warning => Pump.Post(PipelineStream.Warning, warning));

    /// <summary>Runs <paramref name="operation"/> and waits for it, writing what it posts meanwhile.</summary>
    /// <exception cref="PipelineStoppedException">The user stopped the pipeline.</exception>
    private protected T RunAsync<T>(Func<CallContext, Task<T>> operation, RetryPolicy? retry = null)
    {
        var context = NewCallContext(retry);
        var task = Task.Run(() => operation(context), _cancellation.Token);
        RunUntil(task);
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs <paramref name="operation"/>, which returns nothing, as <see cref="RunAsync{T}"/> does.</summary>
    /// <exception cref="PipelineStoppedException">The user stopped the pipeline.</exception>
    private protected void RunAsync(Func<CallContext, Task> operation) =>
        RunAsync(async context =>
        {
            await operation(context).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Writes what the pump receives until <paramref name="work"/> has ended. If writing fails (a -Debug or
    /// -Verbose preference of Stop, a refused prompt, a stopped pipeline), the work is cancelled and
    /// awaited before the failure goes on, so nothing runs on after the command. When
    /// <paramref name="finishOnStop"/> is given and errors stop the command (-ErrorAction Stop), the
    /// first error is held back: the work is asked to finish what it started (the task it returns), its
    /// output is written (its further errors as warnings: each error would end the command again), and
    /// then the held error is written, which ends the command as PowerShell promises.
    /// </summary>
    private protected void RunUntil(Task work, Func<Task>? finishOnStop = null)
    {
        try
        {
            Pump.RunUntil(work, message =>
            {
                if (finishOnStop is not null && message.Stream == PipelineStream.Error && ErrorsStopTheCommand())
                {
                    var rest = finishOnStop();
                    finishOnStop = null;
                    Pump.RunUntil(rest, WriteAllButErrors);
                }

                Write(message);
            });
        }
        catch
        {
            _cancellation.Cancel();
            try
            {
                work.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }
    }

    /// <summary><c>true</c> under -ErrorAction Stop, or $ErrorActionPreference = 'Stop' where -ErrorAction was not given: the first WriteError ends the command.</summary>
    private protected bool ErrorsStopTheCommand() =>
        IsStop(MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var given) ? given : GetVariableValue("ErrorActionPreference"));

    // `$ErrorActionPreference = 'Stop'` in a function or script block makes a local variable that holds the string,
    // not an ActionPreference (only the global one converts); PowerShell honours both.
    private static bool IsStop(object? preference) =>
        preference is ActionPreference.Stop
        || (preference is not null && string.Equals(preference.ToString(), nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase));

    // After the error that ends the command, later errors are written as warnings (each would end it again).
    private void WriteAllButErrors(PipelineMessage message)
    {
        if (message.Stream == PipelineStream.Error && message.Payload is ErrorRecord error)
        {
            WriteWarning(ErrorRecords.AsWarning(error));
            return;
        }

        Write(message);
    }

    /// <summary>Cancels the command's work (requests in flight, back-off waits), as Ctrl+C does.</summary>
    private protected void CancelWork() => _cancellation.Cancel();

    /// <summary>Releases what a command holds beyond its pump and cancellation (a journal); called once, from <see cref="Dispose"/>.</summary>
    protected virtual void Release()
    {
    }

    /// <summary>Writes a verbose line; with -Debug it does not stop for a prompt (see <see cref="WriteWithoutPrompt"/>).</summary>
    protected void WriteVerboseLine(string text)
    {
        Write(new PipelineMessage(PipelineStream.Verbose, text));
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose()
    {
        Release();
        _pump?.Dispose();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes one message on the pipeline thread, to its stream.</summary>
    private protected void Write(PipelineMessage message)
    {
        switch (message.Stream)
        {
            case PipelineStream.Output:
                WriteObject(message.Payload);
                return;
            case PipelineStream.Error:
                WriteError((ErrorRecord)message.Payload!);
                return;
            case PipelineStream.Warning:
                WriteWarning(message.Text);
                return;
            case PipelineStream.Progress:
                WriteProgress((ProgressRecord)message.Payload!);
                return;
            case PipelineStream.Wake:
                return;
        }

        if (DebugSwitch)
        {
            WriteWithoutPrompt(message);
        }
        else
        {
            WritePublic(message);
        }
    }

    /// <summary><c>true</c> when -Debug was given to this command (derived from its bound parameters).</summary>
    private bool DebugSwitch =>
        MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true };

    // Verbose lines nobody will see are not queued (a bulk submission makes two per request).
    private bool IsVerboseEnabled() =>
        IsDebugEnabled()
        || (MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose) && verbose is SwitchParameter { IsPresent: true })
        || (GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue);

    private bool IsDebugEnabled() =>
        DebugSwitch || (GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue);

    /// <summary>
    /// For compiled cmdlets, -Debug means "Inquire" for the debug and verbose streams: every line would
    /// stop for a prompt, and in a runbook (non-interactive) the command would fail. Scripts get
    /// "Continue" since PowerShell 6. The runtime has (non-public) overloads that skip the prompt; use
    /// them when -Debug was given and they exist, else fall back to the public methods.
    /// </summary>
    private void WriteWithoutPrompt(PipelineMessage message)
    {
        var debug = message.Stream == PipelineStream.Debug;
        var method = debug ? WriteDebugNoPrompt : WriteVerboseNoPrompt;
        if (method is null || method.DeclaringType?.IsInstanceOfType(CommandRuntime) != true)
        {
            WritePublic(message);
            return;
        }

        object record = debug ? new DebugRecord(message.Text) : new VerboseRecord(message.Text);
        try
        {
            method.Invoke(CommandRuntime, new[] { record, true });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    // The runtime's internal Write*(record, overrideInquire) overload, looked up once per process.
    private static MethodInfo? FindNoPromptOverload(string name, Type recordType) =>
        typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.MshCommandRuntime")?.GetMethod(
            name,
            BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            null,
            new[] { recordType, typeof(bool) },
            null);

    private void WritePublic(PipelineMessage message)
    {
        if (message.Stream == PipelineStream.Debug)
        {
            WriteDebug(message.Text);
        }
        else
        {
            WriteVerbose(message.Text);
        }
    }

    private string BuildUserAgent()
    {
        var module = typeof(MrsCmdletBase).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var psVersion = (GetVariableValue("PSVersionTable") as Hashtable)?["PSVersion"]?.ToString() ?? "unknown";
        return $"MrsJobs/{module} PowerShell/{psVersion}";
    }
}

using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;

namespace MrsJobs.Hosting;

/// <summary>
/// The base of every MrsJobs cmdlet. It owns cancellation (Ctrl+C cancels the running request at
/// once) and the single bridge from the async core to the synchronous pipeline: the operation runs
/// on the thread pool while this thread writes its verbose and debug lines as they arrive.
/// </summary>
public abstract class MrsCmdletBase : PSCmdlet, IDisposable
{
    private static string? _userAgent;
    private static readonly MethodInfo? WriteDebugNoPrompt = FindNoPromptOverload("WriteDebug", typeof(DebugRecord));
    private static readonly MethodInfo? WriteVerboseNoPrompt = FindNoPromptOverload("WriteVerbose", typeof(VerboseRecord));
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary><c>MrsJobs/{version} PowerShell/{version}</c>.</summary>
    protected string UserAgent => _userAgent ??= BuildUserAgent();

    /// <summary>Runs <paramref name="operation"/> and waits for it, writing its trace lines meanwhile.</summary>
    /// <exception cref="PipelineStoppedException">The user stopped the pipeline.</exception>
    protected T RunAsync<T>(Func<IHttpTraceSink, CancellationToken, Task<T>> operation)
    {
        using var queue = new BlockingCollection<PipelineMessage>();
        var sink = new QueuedTraceSink(queue, IsDebugEnabled());
        var token = _cancellation.Token;
        var task = Task.Run(() => operation(sink, token), token);
        task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            foreach (var message in queue.GetConsumingEnumerable())
            {
                Write(message);
            }
        }
        catch
        {
            // Writing failed (a -Debug/-Verbose preference of Stop, a refused prompt): stop the
            // operation and let it end before the queue goes away, then report the write failure.
            _cancellation.Cancel();
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }

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
    protected void RunAsync(Func<IHttpTraceSink, CancellationToken, Task> operation) =>
        RunAsync(async (trace, cancellation) =>
        {
            await operation(trace, cancellation).ConfigureAwait(false);
            return true;
        });

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
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Write(PipelineMessage message)
    {
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

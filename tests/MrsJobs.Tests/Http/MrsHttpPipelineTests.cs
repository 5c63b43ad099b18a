using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Http;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="MrsHttpPipeline"/>: what -Verbose and -Debug show of a sign-in and a submission, with secrets hidden.</summary>
public class MrsHttpPipelineTests
{
    public class ItsTrace : EmulatorTest
    {
        private const string SecretKey = "SK-Sup3rS3cret-ObsKey";

        public ItsTrace(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        private async Task<CollectingSink> SignInAndSubmitAsync()
        {
            var sink = new CollectingSink();
            var session = await SessionFactory.ConnectWithPasswordAsync(SignIn(), new CallContext(sink, CancellationToken.None), UserAgent);
            var job = Job(properties: new[] { new KeyValuePair<string, string>("fs.obs.secret.key", SecretKey), new KeyValuePair<string, string>("fs.obs.endpoint", "obs.example") });
            await session.Jobs.SubmitJobAsync(job, new CallContext(sink, CancellationToken.None));
            return sink;
        }

        [Fact]
        public async Task NeverShowsThePasswordTheTokenOrASecretProperty()
        {
            var sink = await SignInAndSubmitAsync();
            var token = Submissions().Single().Headers.Single(h => h.Key.ToLowerInvariant() == "x-auth-token").Value;

            var all = string.Join("\n", sink.Lines);

            Assert.DoesNotContain(SeedData.Password, all);
            Assert.DoesNotContain(token, all);
            Assert.DoesNotContain(token.Substring(0, 40), all);
            Assert.DoesNotContain(SecretKey, all);
        }

        [Fact]
        public async Task ShowsTheRedactedHeadersAndBodiesWithDebug()
        {
            var sink = await SignInAndSubmitAsync();

            var debug = string.Join("\n", sink.DebugLines);

            Assert.Contains("X-Auth-Token: [redacted]", debug);
            Assert.Contains("X-Subject-Token: [redacted]", debug);
            Assert.Contains("\"fs.obs.secret.key\":\"[redacted]\"", debug);
            Assert.Contains("\"fs.obs.endpoint\":\"obs.example\"", debug);
            Assert.Contains("\"name\":\"demo-user\"", debug);
        }

        [Fact]
        public async Task ShowsEachCallAndItsStatusWithVerbose()
        {
            var sink = await SignInAndSubmitAsync();

            Assert.Contains(sink.VerboseLines, l => l.StartsWith("POST " + BaseAddress + "v3/auth/tokens?nocatalog=true answered 201", System.StringComparison.Ordinal));
            Assert.Contains(sink.VerboseLines, l => l.Contains("/job-executions answered 200", System.StringComparison.Ordinal));
        }

        private sealed class CollectingSink : IHttpTraceSink
        {
            private readonly ConcurrentQueue<(bool Debug, string Text)> lines = new();

            public IEnumerable<string> Lines => lines.Select(l => l.Text);

            public IEnumerable<string> DebugLines => lines.Where(l => l.Debug).Select(l => l.Text);

            public IEnumerable<string> VerboseLines => lines.Where(l => !l.Debug).Select(l => l.Text);

            public bool IsDebugEnabled => true;

            public void Verbose(string message) => lines.Enqueue((false, message));

            public void Debug(string message) => lines.Enqueue((true, message));
        }
    }
}

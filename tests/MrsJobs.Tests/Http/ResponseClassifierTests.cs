using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary>
/// <see cref="ResponseClassifier"/>: whether an answer (or a failed exchange) means success, a refusal, throttling,
/// nothing sent, or an unknown outcome — which decides whether a job may be sent again.
/// </summary>
public class ResponseClassifierTests
{
    private const string Accepted = "{\"job_submit_result\":{\"job_id\":\"44b37a20-ffe8-42b1-b42b-78a5978d7e40\",\"state\":\"COMPLETE\"}}";
    private const string BadGatewayPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    private static readonly Func<string, bool> WantsAJobId = HasJobId;

    private static ResponseClassification Classify(int status, string body, TimeSpan? retryAfter = null, Func<string, bool>? expects = null) =>
        ResponseClassifier.Classify(new ApiResponse((HttpStatusCode)status, body, null, null, retryAfter), expects ?? WantsAJobId);

    // What the client asks of a submission's answer: JSON naming a job id.
    private static bool HasJobId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("job_submit_result", out var result)
                && result.TryGetProperty("job_id", out var id) && id.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Submitted(string code, string message = "refused") =>
        $"{{\"job_submit_result\":{{\"error_code\":\"{code}\",\"error_msg\":\"{message}\"}}}}";

    private static string Gateway(string code, string message = "refused") =>
        $"{{\"error_msg\":\"{message}\",\"error_code\":\"{code}\",\"request_id\":\"0123456789abcdef0123456789abcdef\"}}";

    public class TheClassifyMethod
    {
        [Fact]
        public void TakesA2xxWithTheExpectedBodyAsSuccess()
        {
            var result = Classify(200, Accepted);

            Assert.True(result.IsSuccess);
            Assert.Null(result.Failure);
        }

        [Fact]
        public void TakesAny2xxAsSuccessWhenNoBodyIsExpected()
        {
            var result = ResponseClassifier.Classify(new ApiResponse(HttpStatusCode.Accepted, string.Empty, null, null), null);

            Assert.True(result.IsSuccess);
        }

        [Fact]
        public void TakesA2xxCarryingAnErrorCodeAsARefusal()
        {
            var result = Classify(200, Submitted("0168", "不能提交Hive相关作业"));

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal(MrsErrorKind.NotInstalled, result.Kind);
            Assert.Equal("0168", result.Error.ErrorCode);
        }

        [Theory]
        [InlineData("0202")]
        [InlineData("APIGW.0308")]
        public void TakesA2xxCarryingAThrottlingCodeAsThrottled(string code)
        {
            var result = Classify(200, Submitted(code), TimeSpan.FromSeconds(3));

            Assert.Equal(RequestOutcome.Throttled, result.Failure);
            Assert.Equal(MrsErrorKind.Throttled, result.Kind);
            Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
        }

        [Theory]
        [InlineData("{\"job_submit_result\":{\"job_id\":\"44b37a20-ff")]
        [InlineData("")]
        [InlineData("<html><body>OK</body></html>")]
        [InlineData("{\"job_submit_result\":{}}")]
        public void TakesA2xxItCannotReadAsUnknownBecauseTheJobMayExist(string body)
        {
            var result = Classify(200, body);

            Assert.Equal(RequestOutcome.Unknown, result.Failure);
            Assert.Equal(MrsErrorKind.Protocol, result.Kind);
        }

        [Fact]
        public void TakesA429AsThrottledWithItsRetryAfter()
        {
            var result = Classify(429, Gateway("APIGW.0308", "The throttling threshold has been reached"), TimeSpan.FromSeconds(7));

            Assert.Equal(RequestOutcome.Throttled, result.Failure);
            Assert.Equal(MrsErrorKind.Throttled, result.Kind);
            Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        }

        [Fact]
        public void TakesA429WithoutABodyAsThrottled()
        {
            var result = Classify(429, string.Empty);

            Assert.Equal(RequestOutcome.Throttled, result.Failure);
            Assert.Null(result.RetryAfter);
        }

        [Theory]
        [InlineData(500, "0202")]
        [InlineData(500, "0177")]
        [InlineData(500, "12000060")]
        [InlineData(503, "APIGW.0308")]
        public void TakesEveryThrottlingCodeAsThrottledWhateverTheStatus(int status, string code)
        {
            var result = Classify(status, Submitted(code), TimeSpan.FromSeconds(4));

            Assert.Equal(RequestOutcome.Throttled, result.Failure);
            Assert.Equal(MrsErrorKind.Throttled, result.Kind);
            Assert.Equal(TimeSpan.FromSeconds(4), result.RetryAfter);
        }

        [Theory]
        [InlineData(502, BadGatewayPage)]
        [InlineData(503, "")]
        [InlineData(504, "<html>Gateway Timeout</html>")]
        [InlineData(500, "Internal Server Error")]
        public void TakesA5xxWithoutACodeAsUnknownBecauseTheRequestMayHaveArrived(int status, string body)
        {
            var result = Classify(status, body);

            Assert.Equal(RequestOutcome.Unknown, result.Failure);
        }

        [Fact]
        public void TakesA5xxWithAKnownCodeAsARefusal()
        {
            var result = Classify(500, Submitted("0168", "不能提交Hive相关作业"));

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal(MrsErrorKind.NotInstalled, result.Kind);
        }

        [Theory]
        [InlineData(502, "APIG.0201")]
        [InlineData(504, "APIG.0202")]
        [InlineData(500, "APIGW.0999")]
        public void TakesA5xxWithAGatewayCodeItDoesNotKnowAsUnknownBecauseTheBackendMayHaveActed(int status, string code)
        {
            Assert.Equal(RequestOutcome.Unknown, Classify(status, Gateway(code, "backend unavailable")).Failure);
        }

        [Fact]
        public void TakesAGatewayCredentialsRefusalAsARefusalOfTheCredentials()
        {
            var result = Classify(401, Gateway("APIGW.0301", "Incorrect IAM authentication information: decrypt token fail"));

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal(MrsErrorKind.Authentication, result.Kind);
        }

        [Fact]
        public void TakesAnIamPasswordRefusalAsARefusalOfTheCredentials()
        {
            var result = Classify(401, "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}");

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal(MrsErrorKind.Authentication, result.Kind);
        }

        [Fact]
        public void TakesAnExpiredTokenAsARefusalThatSaysSo()
        {
            var result = Classify(401, Gateway("APIGW.0307", "The token must be updated."));

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal(MrsErrorKind.TokenExpired, result.Kind);
        }

        [Fact]
        public void IgnoresRetryAfterOnARefusal()
        {
            var result = Classify(500, Submitted("0168"), TimeSpan.FromSeconds(5));

            Assert.Null(result.RetryAfter);
        }

        [Fact]
        public void ReadsTheCodeOfTheCanonicalShapeToo()
        {
            var result = Classify(500, "{\"error_code\":\"0176\",\"error_msg\":\"The job does not exist.\"}");

            Assert.Equal(RequestOutcome.Refused, result.Failure);
            Assert.Equal("0176", result.Error.ErrorCode);
        }
    }

    public class TheClassifyTransportFailureMethod
    {
        [Theory]
        [InlineData(SocketError.ConnectionRefused)]
        [InlineData(SocketError.HostNotFound)]
        [InlineData(SocketError.HostUnreachable)]
        [InlineData(SocketError.NetworkUnreachable)]
        public void SaysNothingWasSentWhenNoConnectionCouldBeMade(SocketError error)
        {
            var failure = new HttpRequestException("connect failed", new SocketException((int)error));

            Assert.Equal(RequestOutcome.NotSent, ResponseClassifier.ClassifyTransportFailure(failure));
        }

        [Fact]
        public void SaysTheOutcomeIsUnknownWhenTheConnectionWasReset()
        {
            var reset = new HttpRequestException(
                "An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

            Assert.Equal(RequestOutcome.Unknown, ResponseClassifier.ClassifyTransportFailure(reset));
        }

        [Fact]
        public void SaysTheOutcomeIsUnknownWhenTheAnswerEndedEarly()
        {
            var ended = new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely."));

            Assert.Equal(RequestOutcome.Unknown, ResponseClassifier.ClassifyTransportFailure(ended));
        }

        [Fact]
        public void SaysNothingWasSentWhenTheTlsHandshakeFailed()
        {
            var handshake = new HttpRequestException("The SSL connection could not be established.", new AuthenticationException("The remote certificate is invalid."));

            Assert.Equal(RequestOutcome.NotSent, ResponseClassifier.ClassifyTransportFailure(handshake));
        }

        [Fact]
        public void SaysTheOutcomeIsUnknownWhenItCannotTell()
        {
            Assert.Equal(RequestOutcome.Unknown, ResponseClassifier.ClassifyTransportFailure(new HttpRequestException("something else")));
        }
    }
}

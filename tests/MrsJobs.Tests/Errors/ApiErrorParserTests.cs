using MrsJobs.Core.Errors;
using Xunit;

namespace MrsJobs.Tests.Errors;

/// <summary><see cref="ApiErrorParser"/>: every error shape the notes list gives the same code, message and request id.</summary>
public class ApiErrorParserTests
{
    public class TheParseMethod
    {
        [Fact]
        public void ReadsTheCanonicalBody()
        {
            var error = ApiErrorParser.Parse("{\"error_code\":\"12000003\",\"error_msg\":\"The cluster does not exist\"}");

            Assert.Equal("12000003", error.ErrorCode);
            Assert.Equal("The cluster does not exist", error.Message);
            Assert.Null(error.RequestId);
        }

        [Fact]
        public void ReadsTheBodyNestedInJobSubmitResult()
        {
            var error = ApiErrorParser.Parse("{\"job_submit_result\":{\"error_msg\":\"不能提交Hive相关作业\",\"error_code\":\"0168\"}}");

            Assert.Equal("0168", error.ErrorCode);
            Assert.Equal("不能提交Hive相关作业", error.Message);
        }

        [Fact]
        public void ReadsCodeAndMessage()
        {
            var error = ApiErrorParser.Parse("{\"code\":\"MRS.0002\",\"message\":\"the offset is invalid\"}");

            Assert.Equal("MRS.0002", error.ErrorCode);
            Assert.Equal("the offset is invalid", error.Message);
        }

        [Fact]
        public void ReadsCamelCaseErrorCodeAndErrorMsg()
        {
            var error = ApiErrorParser.Parse("{\"errorCode\":\"0175\",\"errorMsg\":\"Failed to terminate the job.\"}");

            Assert.Equal("0175", error.ErrorCode);
            Assert.Equal("Failed to terminate the job.", error.Message);
        }

        [Fact]
        public void ReadsIamsErrorObjectWithANumericCode()
        {
            var error = ApiErrorParser.Parse("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}");

            Assert.Equal("401", error.ErrorCode);
            Assert.Equal("The username or password is wrong.", error.Message);
        }

        [Fact]
        public void ReadsTheRequestIdOfAnApiGatewayBody()
        {
            var error = ApiErrorParser.Parse("{\"error_msg\":\"Incorrect IAM authentication information: decrypt token fail\",\"error_code\":\"APIGW.0301\",\"request_id\":\"c0ffee00c0ffee00c0ffee00c0ffee00\"}");

            Assert.Equal("APIGW.0301", error.ErrorCode);
            Assert.Equal("c0ffee00c0ffee00c0ffee00c0ffee00", error.RequestId);
        }

        [Fact]
        public void ReadsARequestIdInsideANestedBody()
        {
            var error = ApiErrorParser.Parse("{\"job_submit_result\":{\"error_code\":\"0173\",\"error_msg\":\"x\",\"request_id\":\"r-1\"}}");

            Assert.Equal("r-1", error.RequestId);
        }

        [Theory]
        [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        [InlineData("{not json")]
        [InlineData("[\"error_code\"]")]
        [InlineData("{\"job_submit_result\":{\"job_id\":\"1\",\"state\":\"COMPLETE\"}}")]
        public void GivesNothingForBodiesWithoutAnError(string? body)
        {
            var error = ApiErrorParser.Parse(body);

            Assert.Null(error.ErrorCode);
            Assert.Null(error.Message);
            Assert.Null(error.RequestId);
        }

        [Fact]
        public void IgnoresAnEmptyCodeString()
        {
            Assert.Null(ApiErrorParser.Parse("{\"error_code\":\"\",\"error_msg\":\"m\"}").ErrorCode);
        }
    }
}

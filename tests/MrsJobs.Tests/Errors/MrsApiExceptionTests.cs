using System.Net;
using MrsJobs.Core.Errors;
using Xunit;

namespace MrsJobs.Tests.Errors;

/// <summary><see cref="MrsApiException"/>: the stable error id scripts match on, and the message a person reads.</summary>
public class MrsApiExceptionTests
{
    public class TheErrorIdProperty
    {
        [Theory]
        [InlineData("0168", "MrsApiError.0168")]
        [InlineData("APIGW.0301", "MrsApiError.APIGW.0301")]
        [InlineData("12000003", "MrsApiError.12000003")]
        public void NamesTheServicesCode(string code, string errorId)
        {
            var exception = new MrsApiException("refused", MrsErrorKind.NotInstalled, HttpStatusCode.InternalServerError, code);

            Assert.Equal(errorId, exception.ErrorId);
        }

        [Fact]
        public void NamesTheHttpStatusWhenTheServiceGaveNoCode()
        {
            var exception = new MrsApiException("bad gateway", MrsErrorKind.ServiceError, HttpStatusCode.BadGateway);

            Assert.Equal("MrsApiError.Http502", exception.ErrorId);
        }

        [Fact]
        public void NamesTheKindWhenNoAnswerArrived()
        {
            Assert.Equal("MrsConnection", new MrsApiException("cannot reach", MrsErrorKind.Connection).ErrorId);
        }

        [Fact]
        public void PrefersTheIdGivenAtConstruction()
        {
            var exception = new MrsApiException("no project", MrsErrorKind.NotFound, HttpStatusCode.BadRequest, "400", errorId: "IamProjectNotFound");

            Assert.Equal("IamProjectNotFound", exception.ErrorId);
        }
    }

    public class TheMessageProperty
    {
        [Fact]
        public void EndsWithTheAdvice()
        {
            var exception = new MrsApiException("MRS refused the job.", MrsErrorKind.NotInstalled, advice: "Add the Hive component.");

            Assert.Equal("MRS refused the job. Add the Hive component.", exception.Message);
            Assert.Equal("MRS refused the job.", exception.Summary);
        }

        [Fact]
        public void IsTheSummaryAloneWithoutAdvice()
        {
            Assert.Equal("MRS refused the job.", new MrsApiException("MRS refused the job.", MrsErrorKind.ServiceError).Message);
        }
    }
}

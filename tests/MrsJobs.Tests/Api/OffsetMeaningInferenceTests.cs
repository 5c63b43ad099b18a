using System.Linq;
using MrsJobs.Core.Api;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>How <see cref="OffsetMeaningInference"/> and <see cref="OffsetMeaningRules"/> decide what <c>offset</c> means.</summary>
public class OffsetMeaningInferenceTests
{
    public class TheRules
    {
        [Theory]
        [InlineData((int)OffsetMeanings.PagesFromOne, 1, 0)]
        [InlineData((int)OffsetMeanings.PagesFromOne, 3, 200)]
        [InlineData((int)OffsetMeanings.PagesFromOne, 0, -100)]
        [InlineData((int)OffsetMeanings.PagesFromZero, 0, 0)]
        [InlineData((int)OffsetMeanings.PagesFromZero, 1, 100)]
        [InlineData((int)OffsetMeanings.RecordsFromZero, 1, 1)]
        [InlineData((int)OffsetMeanings.RecordsFromOne, 1, 0)]
        [InlineData((int)OffsetMeanings.RecordsFromOne, 101, 100)]
        public void PlaceEachOffsetInTheList(int single, int offset, long start)
        {
            var meaning = (OffsetMeanings)single;
            Assert.Equal(start, OffsetMeaningRules.StartOf(meaning, offset, 100));
            if (start >= 0)
            {
                Assert.Equal(offset, OffsetMeaningRules.OffsetOf(meaning, start, 100));
            }
        }

        [Theory]
        [InlineData((int)OffsetMeanings.PagesFromOne, 3, 250, 50L)]
        [InlineData((int)OffsetMeanings.PagesFromZero, 3, 250, 0L)]
        [InlineData((int)OffsetMeanings.RecordsFromZero, 1, 50, 49L)]
        [InlineData((int)OffsetMeanings.RecordsFromOne, 0, 50, null)]
        public void PredictHowManyJobsAPageHolds(int single, int offset, long total, long? expected)
        {
            Assert.Equal(expected, OffsetMeaningRules.ExpectedCount((OffsetMeanings)single, offset, 100, total));
        }

        [Theory]
        [InlineData((int)OffsetMeanings.All, "pages or jobs, from 0 or 1")]
        [InlineData((int)OffsetMeanings.OneBased, "pages or jobs, from 1")]
        [InlineData((int)OffsetMeanings.RecordsFromZero, "jobs, from 0")]
        [InlineData((int)OffsetMeanings.PagesFromOne, "pages, from 1")]
        public void DescribeWhatIsKnown(int set, string words)
        {
            Assert.Equal(words, OffsetMeaningRules.Describe((OffsetMeanings)set));
        }
    }

    public class TheObserveAnswerMethod
    {
        [Fact]
        public void APageAtOffsetOneThatHoldsTheWholeListProvesTheFirstPageIsOne()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveAnswer(1, 100, 60, 60);

            Assert.Equal(OffsetMeanings.OneBased, inference.Possible);
            Assert.True(inference.BaseKnown);
            Assert.False(inference.UnitKnown);
        }

        [Fact]
        public void AShortPageAtOffsetOneHoldingAllButAPageProvesPagesFromZero()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveAnswer(1, 100, 50, 150);

            Assert.Equal(OffsetMeanings.PagesFromZero, inference.Possible);
        }

        [Fact]
        public void AShortPageAtOffsetOneHoldingAllButOneJobProvesRecordsFromZero()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveAnswer(1, 100, 59, 60);

            Assert.Equal(OffsetMeanings.RecordsFromZero, inference.Possible);
        }

        [Fact]
        public void FullPagesTellNothing()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveAnswer(1, 100, 100, 5000);
            inference.ObserveAnswer(2, 100, 100, 5000);

            Assert.Equal(OffsetMeanings.All, inference.Possible);
            Assert.Equal(OffsetMeanings.PagesFromOne, inference.Assumed);
        }

        [Fact]
        public void AnAnswerThatContradictsWhatWasRememberedReplacesIt()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.PagesFromOne);

            inference.ObserveAnswer(3, 100, 100, 250);

            Assert.True(inference.WasContradicted);
            Assert.Equal(OffsetMeanings.Records, inference.Possible);
        }
    }

    public class TheObserveProbeMethod
    {
        private static readonly string[] Top = Enumerable.Range(0, 100).Select(i => "job-" + i).ToArray();

        [Fact]
        public void ARefusedOffsetZeroMeansTheFirstPageIsOne()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveProbe(null, Top, 100, 250);

            Assert.Equal(OffsetMeanings.OneBased, inference.Possible);
        }

        [Fact]
        public void AnOffsetZeroAnsweredWithTheVeryPageOfOffsetOneIsAServiceThatClampsIt()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveProbe(Top, Top, 100, 250);

            Assert.Equal(OffsetMeanings.OneBased, inference.Possible);
        }

        [Fact]
        public void AnOffsetZeroWhosePageOffsetOneShiftsByOneJobCountsJobsFromZero()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);
            var shifted = Enumerable.Range(1, 100).Select(i => "job-" + i).ToArray();

            inference.ObserveProbe(Top, shifted, 100, 250);

            Assert.Equal(OffsetMeanings.RecordsFromZero, inference.Possible);
        }

        [Fact]
        public void AnOffsetZeroWhosePageOffsetOneDoesNotRepeatCountsPagesFromZero()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);
            var next = Enumerable.Range(100, 100).Select(i => "job-" + i).ToArray();

            inference.ObserveProbe(Top, next, 100, 250);

            Assert.Equal(OffsetMeanings.PagesFromZero, inference.Possible);
        }
    }

    public class TheObserveNeighboursMethod
    {
        private static readonly string[] Lower = Enumerable.Range(0, 10).Select(i => "j" + i).ToArray();

        [Fact]
        public void APageThatRepeatsMostOfTheOneBeforeCountsJobs()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.OneBased);

            inference.ObserveNeighbours(Lower, Enumerable.Range(1, 10).Select(i => "j" + i).ToArray(), 10);

            Assert.Equal(OffsetMeanings.RecordsFromOne, inference.Possible);
        }

        [Fact]
        public void APageThatRepeatsOnlyWhatSubmissionsPushedDownCountsPages()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.OneBased);

            inference.ObserveNeighbours(Lower, new[] { "j8", "j9" }.Concat(Enumerable.Range(10, 8).Select(i => "j" + i)).ToArray(), 10);

            Assert.Equal(OffsetMeanings.PagesFromOne, inference.Possible);
        }

        [Fact]
        public void IsIgnoredOnceTheUnitIsKnownSoABurstOfSubmissionsCannotOverturnIt()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.PagesFromOne);

            inference.ObserveNeighbours(Lower, Enumerable.Range(1, 10).Select(i => "j" + i).ToArray(), 10);

            Assert.Equal(OffsetMeanings.PagesFromOne, inference.Possible);
            Assert.False(inference.WasContradicted);
        }

        [Fact]
        public void SaysNothingAfterAShortPage()
        {
            var inference = new OffsetMeaningInference(OffsetMeanings.All);

            inference.ObserveNeighbours(Lower.Take(5).ToArray(), Lower.Skip(1).ToArray(), 10);

            Assert.Equal(OffsetMeanings.All, inference.Possible);
        }
    }
}

// The practical limit for Submit-Bench: one HttpClient, a SemaphoreSlim bounding the requests in flight,
// Task.WhenAll over them. Compiled with Add-Type into the bench process itself, so it runs on the same
// runtime, GC mode and loopback path as the module and the Invoke-RestMethod scripts it is compared with.
// It reads the same CSV (the bench writes it without quotes or commas inside cells), builds the same
// four-member JSON body and sends the same headers as the other contenders.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobsBench
{
    public sealed class RawRunResult
    {
        public int Sent { get; set; }
        public int Succeeded { get; set; }
        public double Seconds { get; set; }
        public string FirstError { get; set; }
    }

    public static class RawClient
    {
        private static readonly HttpClient Http = new HttpClient(
            new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true)
        { Timeout = TimeSpan.FromSeconds(100) };

        /// <summary>Submits every row of the CSV: POST {baseUrl}/v2/{projectId}/clusters/{cluster_id}/job-executions.</summary>
        public static RawRunResult SubmitCsv(string csvPath, string baseUrl, string projectId, string token, int concurrency)
        {
            return Task.Run(() => SubmitCsvAsync(csvPath, baseUrl, projectId, token, concurrency)).GetAwaiter().GetResult();
        }

        /// <summary>Sends `count` GETs to one URL: the cheapest round trip the emulator answers.</summary>
        public static RawRunResult GetMany(string url, int count, int concurrency)
        {
            return Task.Run(() => GetManyAsync(url, count, concurrency)).GetAwaiter().GetResult();
        }

        private static async Task<RawRunResult> SubmitCsvAsync(string csvPath, string baseUrl, string projectId, string token, int concurrency)
        {
            var result = new RawRunResult();
            var clock = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(concurrency))
            {
                var tasks = new List<Task<bool>>();
                var header = true;
                foreach (var line in File.ReadLines(csvPath))
                {
                    if (header) { header = false; continue; }
                    if (line.Length == 0) { continue; }
                    var cells = line.Split(',');
                    var url = baseUrl + "/v2/" + projectId + "/clusters/" + cells[0] + "/job-executions";
                    var body = BuildBody(cells[2], cells[1], cells[3], cells[4]);
                    await gate.WaitAsync().ConfigureAwait(false);
                    tasks.Add(PostAsync(url, token, body, gate, result));
                }

                var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
                clock.Stop();
                result.Sent = outcomes.Length;
                foreach (var ok in outcomes) { if (ok) { result.Succeeded++; } }
            }

            result.Seconds = clock.Elapsed.TotalSeconds;
            return result;
        }

        private static async Task<RawRunResult> GetManyAsync(string url, int count, int concurrency)
        {
            var result = new RawRunResult();
            var clock = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(concurrency))
            {
                var tasks = new List<Task<bool>>(count);
                for (var i = 0; i < count; i++)
                {
                    await gate.WaitAsync().ConfigureAwait(false);
                    tasks.Add(GetAsync(url, gate, result));
                }

                var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
                clock.Stop();
                result.Sent = outcomes.Length;
                foreach (var ok in outcomes) { if (ok) { result.Succeeded++; } }
            }

            result.Seconds = clock.Elapsed.TotalSeconds;
            return result;
        }

        // {"job_type":…,"job_name":…,"arguments":[…],"properties":{…}}: arguments are the cell's words,
        // properties its key=value pairs separated by ';' (the same reading as the module and the scripts).
        private static byte[] BuildBody(string jobType, string jobName, string arguments, string properties)
        {
            var buffer = new MemoryStream(512);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("job_type", jobType);
                json.WriteString("job_name", jobName);
                json.WriteStartArray("arguments");
                foreach (var word in arguments.Split((char[])null, StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(word);
                }

                json.WriteEndArray();
                json.WriteStartObject("properties");
                foreach (var pair in properties.Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=');
                    json.WriteString(pair.Substring(0, equals).Trim(), pair.Substring(equals + 1).Trim());
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static async Task<bool> PostAsync(string url, string token, byte[] body, SemaphoreSlim gate, RawRunResult result)
        {
            try
            {
                using (var request = new HttpRequestMessage(HttpMethod.Post, url))
                {
                    request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                    using (var response = await Http.SendAsync(request).ConfigureAwait(false))
                    {
                        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            using (var document = JsonDocument.Parse(text))
                            {
                                if (document.RootElement.GetProperty("job_submit_result").TryGetProperty("job_id", out _)) { return true; }
                            }
                        }

                        NoteError(result, (int)response.StatusCode + " " + text);
                        return false;
                    }
                }
            }
            catch (Exception ex)
            {
                NoteError(result, ex.GetType().Name + ": " + ex.Message);
                return false;
            }
            finally
            {
                gate.Release();
            }
        }

        private static async Task<bool> GetAsync(string url, SemaphoreSlim gate, RawRunResult result)
        {
            try
            {
                using (var response = await Http.GetAsync(url).ConfigureAwait(false))
                {
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    return response.IsSuccessStatusCode;
                }
            }
            catch (Exception ex)
            {
                NoteError(result, ex.GetType().Name + ": " + ex.Message);
                return false;
            }
            finally
            {
                gate.Release();
            }
        }

        private static void NoteError(RawRunResult result, string text)
        {
            lock (result)
            {
                if (result.FirstError == null) { result.FirstError = text; }
            }
        }
    }
}

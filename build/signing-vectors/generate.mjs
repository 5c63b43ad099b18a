// Signs fixed requests with Huawei's own Node.js SDK (@huaweicloud/huaweicloud-sdk-core, pinned in
// package.json) and writes the results to tests/MrsJobs.Tests/Auth/Signing/signing-vectors.json.
// Run: npm ci && node generate.mjs   (see README.md)
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');
const { HttpRequestBuilder } = require('@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder');

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../tests/MrsJobs.Tests/Auth/Signing/signing-vectors.json');
const sdkVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/@huaweicloud/huaweicloud-sdk-core/package.json'), 'utf8')).version;

// Capture the intermediate texts: the SDK computes them with these static methods.
let captured = {};
const buildCanonicalRequest = AKSKSigner.buildCanonicalRequest.bind(AKSKSigner);
AKSKSigner.buildCanonicalRequest = (...args) => (captured.canonicalRequest = buildCanonicalRequest(...args));
const getStringToSign = AKSKSigner.getStringToSign.bind(AKSKSigner);
AKSKSigner.getStringToSign = (...args) => (captured.stringToSign = getStringToSign(...args));

// Characters Node's legacy url.parse escapes in a path before the SDK encodes it again.
const autoEscaped = /[ "'<>\\^`{|}\t]/;

const AK = 'HPUABCDEFGHIJKLMNOPQ';
const SK = 'Zm9vYmFyU2VjcmV0S2V5MDEyMzQ1Njc4OWFiY2RlZmdoaWo';
const PROJECT = '0b4a5b9c6d7e4f8091a2b3c4d5e6f708';
const TOKEN = 'gQpjbi1ub3J0aC00jMVG7ZU0Dfq9TX8pgsW9fZQ0-temporary+token/==';
const MRS = 'https://mrs.cn-north-4.myhuaweicloud.com';
const IAM = 'https://iam.myhuaweicloud.com';
const JSON_CT = { 'content-type': 'application/json' };
const CLUSTER = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b';
const jobs = `/v2/${PROJECT}/clusters/${CLUSTER}/job-executions`;

const cases = [
  { name: 'submit-json', method: 'POST', path: jobs, headers: JSON_CT, data: { job_type: 'MapReduce', job_name: 'wordcount', arguments: ['obs://bucket/in', 'obs://bucket/out'] } },
  { name: 'submit-json-unicode', method: 'POST', path: jobs, headers: JSON_CT, data: { job_type: 'SparkSubmit', job_name: 'pi', properties: { 'spark.app.name': '作业 ünïcødé 😀' } } },
  { name: 'submit-json-charset-unsigned-payload', method: 'POST', path: jobs, headers: { 'content-type': 'application/json; charset=utf-8' }, data: { job_type: 'HiveSql', job_name: 'q1' } },
  { name: 'submit-temporary', method: 'POST', path: jobs, headers: JSON_CT, data: { job_type: 'DistCp', job_name: 'copy' }, token: TOKEN },
  { name: 'submit-no-project', method: 'POST', path: jobs, headers: JSON_CT, data: { job_type: 'Flink', job_name: 'f' }, project: null },
  { name: 'list-get-no-body', method: 'GET', path: jobs, query: { job_name: 'wordcount', limit: '10', offset: '1', sort_by: 'desc' } },
  { name: 'list-get-repeated-keys', method: 'GET', path: jobs, query: { job_state: ['RUNNING', 'FINISHED', 'ACCEPTED'], user: '' } },
  { name: 'list-get-empty-values', method: 'GET', path: jobs, query: { job_name: '', job_id: '', limit: '10' } },
  { name: 'list-get-odd-query', method: 'GET', path: jobs, query: { 'a b': 'c d', 'plus+': '1+1=2', 'tilde~': '~x~', 'colon:': 'a:b', 'pct%': '100%', 'é': 'ünï', 'Z': 'upper', '~': 'last?' } },
  { name: 'show-get', method: 'GET', path: `${jobs}/44b37a20-ffe8-409a-b7ba-4d6a4e2bd0a3` },
  { name: 'show-get-trailing-slash', method: 'GET', path: `${jobs}/44b37a20-ffe8-409a-b7ba-4d6a4e2bd0a3/` },
  { name: 'kill-post-no-body', method: 'POST', path: `${jobs}/44b37a20-ffe8-409a-b7ba-4d6a4e2bd0a3/kill` },
  { name: 'batch-delete', method: 'POST', path: `${jobs}/batch-delete`, headers: JSON_CT, data: { job_id_list: ['a', 'b'] } },
  // Every MRS call carries Content-Type: application/json, bodies or not (the Go SDK's request definitions set it on GETs too).
  { name: 'list-get-json-content-type', method: 'GET', path: jobs, headers: JSON_CT, query: { limit: '100', offset: '1', sort_by: 'desc' } },
  { name: 'show-get-json-content-type', method: 'GET', path: `${jobs}/44b37a20-ffe8-409a-b7ba-4d6a4e2bd0a3`, headers: JSON_CT },
  { name: 'kill-post-json-content-type', method: 'POST', path: `${jobs}/44b37a20-ffe8-409a-b7ba-4d6a4e2bd0a3/kill`, headers: JSON_CT },
  { name: 'list-get-json-content-type-other-keys', method: 'GET', path: jobs, headers: JSON_CT, query: { limit: '100', offset: '1', sort_by: 'desc' }, ak: 'DEMOACCESSKEY0000001', sk: 'demo-secret-key-of-the-emulator-0001' },
  { name: 'list-get-json-content-type-temporary', method: 'GET', path: jobs, headers: JSON_CT, query: { job_name: 'wordcount', limit: '10', offset: '0' }, token: TOKEN },
  { name: 'path-plus-tilde-colon', method: 'GET', path: `/v2/${PROJECT}/odd/a+b~c:d/x.y_z-w` },
  { name: 'path-percent', method: 'GET', path: `/v2/${PROJECT}/odd/100%/50%25` },
  { name: 'path-unicode', method: 'GET', path: `/v2/${PROJECT}/odd/作业/ünï/😀` },
  { name: 'path-space', method: 'GET', path: `/v2/${PROJECT}/odd/a b/c` },
  { name: 'path-root', method: 'GET', path: '/' },
  { name: 'iam-projects-by-name', method: 'GET', endpoint: IAM, path: '/v3/projects', query: { name: 'cn-north-4' }, project: null },
  { name: 'iam-projects-by-name-temporary', method: 'GET', endpoint: IAM, path: '/v3/projects', query: { name: 'ap-southeast-1' }, project: null, token: TOKEN },
  { name: 'iam-projects-sdk-style', method: 'GET', endpoint: IAM, path: '/v3/projects', query: { name: 'cn-north-4' }, headers: JSON_CT, data: {}, project: null },
  { name: 'host-with-port', method: 'POST', endpoint: 'http://127.0.0.1:5080', path: jobs, headers: JSON_CT, data: { job_type: 'MapReduce', job_name: 'local' } },
  { name: 'extra-headers', method: 'GET', path: jobs, headers: { 'X-Language': 'en-us', 'Accept': 'application/json' } },
  { name: 'other-date', method: 'GET', path: jobs, date: '20351231T235959Z' },
  { name: 'other-keys', method: 'POST', path: jobs, headers: JSON_CT, data: { job_type: 'MapReduce', job_name: 'k' }, ak: 'DEMOACCESSKEY0000001', sk: 'demo-secret-key-of-the-emulator-0001' },
  { name: 'delete-method', method: 'DELETE', path: `${jobs}/x` },
  { name: 'put-array-body', method: 'PUT', path: jobs, headers: JSON_CT, data: [1, 'two', { three: 3 }] },
];

const vectors = [];
for (const c of cases) {
  const date = c.date ?? '20260104T090522Z';
  const endpoint = c.endpoint ?? MRS;
  const credentials = new BasicCredentials()
    .withAk(c.ak ?? AK)
    .withSk(c.sk ?? SK);
  const project = c.project === undefined ? PROJECT : c.project;
  if (project) credentials.withProjectId(project);
  if (c.token) credentials.withSecurityToken(c.token);

  const request = new HttpRequestBuilder()
    .withEndpoint(endpoint)
    .withUrl(c.path)
    .withMethod(c.method)
    .withHeaders({ ...(c.headers ?? {}), 'X-Sdk-Date': date })
    .withQueryParams(c.query ?? {})
    .withData(c.data)
    .build();
  captured = {};
  // The SDK's own flow: X-Project-Id / X-Security-Token from the credentials, then AKSKSigner.sign.
  const signed = await credentials.processAuthRequest(null, request);
  {
    const headers = { ...signed.headers };
    const authorization = headers.Authorization;
    delete headers.Authorization;
    vectors.push({
      name: c.name,
      method: c.method,
      endpoint,
      path: c.path,
      query: c.query ?? {},
      body: c.data === undefined ? null : JSON.stringify(c.data),
      ak: c.ak ?? AK,
      sk: c.sk ?? SK,
      project_id: project,
      security_token: c.token ?? null,
      date,
      sdk_path_auto_escaped: autoEscaped.test(c.path),
      signed_headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)])),
      canonical_request: captured.canonicalRequest,
      string_to_sign: captured.stringToSign,
      authorization,
    });
  }
}

const document = {
  generator: `@huaweicloud/huaweicloud-sdk-core ${sdkVersion} BasicCredentials.processAuthRequest + AKSKSigner.sign, node ${process.version}`,
  notes: 'path and query are literal (unescaped) text as given to the SDK; body is the UTF-8 text whose SHA-256 the SDK hashed (JSON.stringify of the data). sdk_path_auto_escaped: Node url.parse escaped a character of the path before the SDK encoded it again, so the SDK signs it double-encoded (%2520).',
  vectors,
};
writeFileSync(out, JSON.stringify(document, null, 2) + '\n');
console.log(`wrote ${document.vectors.length} vectors to ${out}`);

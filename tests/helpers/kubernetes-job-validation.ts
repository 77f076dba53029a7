/**
 * Validates a batch/v1 Job manifest the way a Kubernetes API server of a given release would take it:
 * against that release's published OpenAPI definitions (tests/fixtures/kubernetes/job-v1.*.json, made by
 * scripts/vendor-kubernetes-schema.ts) with unknown fields refused, as `kubectl apply` does with its
 * default strict field validation, and against the Job rules the API server checks beyond the schema
 * (pkg/apis/batch/validation: an Indexed Job needs completions, per-index backoff needs Indexed, a pod
 * failure policy needs restartPolicy Never, FailIndex needs backoffLimitPerIndex).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type FormatDefinition, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

export interface KubernetesSchemaFixture {
  kubernetes: string;
  source: string;
  sha256: string;
  root: string;
  definitions: Record<string, Schema>;
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'kubernetes');

export function loadJobSchema(version: string): KubernetesSchemaFixture {
  return JSON.parse(readFileSync(join(FIXTURES, `job-v${version}.json`), 'utf8')) as KubernetesSchemaFixture;
}

/** Types the published document gives as strings with a format that JSON and YAML may also give as numbers. */
const NUMBER_OR_STRING: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['string', 'integer'] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'] },
};

/** Objects with listed properties take no others (strict field validation); free-form maps stay open. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema as Schema).map(([key, value]) => [
    key,
    key === 'properties'
      ? Object.fromEntries(Object.entries(value as Schema).map(([name, inner]) => [name, closed(inner)]))
      : closed(value),
  ]);
  const result = Object.fromEntries(entries) as Schema;
  const open = 'additionalProperties' in result || result['x-kubernetes-preserve-unknown-fields'] === true;
  if (result.properties !== undefined && !open) result.additionalProperties = false;
  return result;
}

const INT32: FormatDefinition<number> = {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
};
const INT64: FormatDefinition<number> = { type: 'number', validate: (n: number) => Number.isSafeInteger(n) };

function message(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(the manifest)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties' ? `: ${String(error.params.additionalProperty)}` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

const compiled = new WeakMap<KubernetesSchemaFixture, ValidateFunction>();

function validator(fixture: KubernetesSchemaFixture): ValidateFunction {
  const known = compiled.get(fixture);
  if (known) return known;
  const definitions = Object.fromEntries(
    Object.entries(fixture.definitions).map(([name, schema]) => [
      name,
      NUMBER_OR_STRING[name] ?? closed(schema),
    ]),
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  for (const format of ['double', 'byte', 'date-time', 'int-or-string']) ajv.addFormat(format, true);
  const validate = ajv.compile({ $ref: `#/definitions/${fixture.root}`, definitions });
  compiled.set(fixture, validate);
  return validate;
}

/** Schema errors of `manifest` against the fixture's definitions, one line each; empty when valid. */
export function schemaErrors(fixture: KubernetesSchemaFixture, manifest: unknown): string[] {
  const validate = validator(fixture);
  return validate(manifest) ? [] : (validate.errors ?? []).map(message);
}

interface JobShape {
  apiVersion?: string;
  kind?: string;
  spec?: {
    completionMode?: string;
    completions?: number;
    backoffLimitPerIndex?: number;
    podFailurePolicy?: { rules?: { action?: string; onExitCodes?: { containerName?: string } }[] };
    template?: { spec?: { restartPolicy?: string; containers?: { name?: string }[] } };
  };
}

/** The API server's Job rules that the OpenAPI document does not express. */
export function jobRuleErrors(manifest: unknown): string[] {
  const job = manifest as JobShape;
  const spec = job.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const rules = spec.podFailurePolicy?.rules ?? [];
  const containers = new Set((pod.containers ?? []).map((c) => c.name));
  const errors: string[] = [];
  const check = (ok: boolean, text: string): void => {
    if (!ok) errors.push(text);
  };
  check(job.apiVersion === 'batch/v1' && job.kind === 'Job', 'apiVersion/kind: must be batch/v1 Job');
  const mode = spec.completionMode ?? 'NonIndexed';
  check(['NonIndexed', 'Indexed'].includes(mode), `/spec/completionMode: unknown value ${mode}`);
  check(mode !== 'Indexed' || spec.completions !== undefined, '/spec/completions: required when Indexed');
  check(
    spec.backoffLimitPerIndex === undefined || mode === 'Indexed',
    '/spec/backoffLimitPerIndex: only with completionMode Indexed',
  );
  check(
    ['Never', 'OnFailure'].includes(pod.restartPolicy ?? ''),
    '/spec/template/spec/restartPolicy: must be Never or OnFailure in a Job',
  );
  check(
    spec.podFailurePolicy === undefined || pod.restartPolicy === 'Never',
    '/spec/podFailurePolicy: needs restartPolicy Never',
  );
  for (const [i, rule] of rules.entries()) {
    check(
      rule.action !== 'FailIndex' || spec.backoffLimitPerIndex !== undefined,
      `/spec/podFailurePolicy/rules/${i}: FailIndex needs backoffLimitPerIndex`,
    );
    const name = rule.onExitCodes?.containerName;
    check(
      name === undefined || containers.has(name),
      `/spec/podFailurePolicy/rules/${i}: no container ${name}`,
    );
  }
  return errors;
}

/** Everything the API server of the fixture's release would refuse in `manifest`. */
export function jobErrors(fixture: KubernetesSchemaFixture, manifest: unknown): string[] {
  return [...schemaErrors(fixture, manifest), ...jobRuleErrors(manifest)];
}

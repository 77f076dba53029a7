/**
 * Makes a test fixture from a published Kubernetes OpenAPI document: the definitions a batch/v1 Job
 * reaches (Job, JobSpec, PodTemplateSpec, PodSpec, Container, ... ObjectMeta), as published, without
 * their descriptions (which are most of the bytes), with where they came from.
 *
 *   tsx scripts/vendor-kubernetes-schema.ts <swagger.json> <kubernetes version> "<source>" <out.json>
 *
 * The source document is the OpenAPI v2 document of a Kubernetes release (`api/openapi-spec/swagger.json`
 * of its release branch; the official Python client ships it per release as
 * `kubernetes/swagger.json.unprocessed`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const ROOT = 'io.k8s.api.batch.v1.Job';
const REF_PREFIX = '#/definitions/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value without `description` keys, anywhere in it. */
function withoutDescriptions(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description')
      .map(([key, inner]) => [key, withoutDescriptions(inner)]),
  );
}

function refsIn(value: Json, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(REF_PREFIX))
        found.add(inner.slice(REF_PREFIX.length));
      else refsIn(inner, found);
    }
}

/** The definitions reachable from `root`, sorted by name. */
export function closure(definitions: Record<string, Json>, root: string): Record<string, Json> {
  const reached = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (reached.has(name)) continue;
    const definition = definitions[name];
    if (definition === undefined) throw new Error(`the document has no definition ${name}`);
    reached.add(name);
    const refs = new Set<string>();
    refsIn(definition, refs);
    queue.push(...refs);
  }
  return Object.fromEntries(
    [...reached].sort().map((name) => [name, withoutDescriptions(definitions[name] ?? null)]),
  );
}

function main([file, version, source, out]: string[]): void {
  if (!file || !version || !source || !out)
    throw new Error('usage: vendor-kubernetes-schema.ts <swagger.json> <version> "<source>" <out.json>');
  const bytes = readFileSync(file);
  const document = JSON.parse(bytes.toString('utf8')) as { definitions?: Record<string, Json> };
  if (!document.definitions) throw new Error(`${file} has no definitions: not an OpenAPI v2 document`);
  const fixture = {
    kubernetes: version,
    source,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    root: ROOT,
    definitions: closure(document.definitions, ROOT),
  };
  writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
}

main(process.argv.slice(2));

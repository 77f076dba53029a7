/**
 * deploy/kubernetes/*.yaml against the Kubernetes API of the releases the README names (1.33, the first
 * where backoffLimitPerIndex and podFailurePolicy are GA, and 1.36): each published OpenAPI document's Job
 * definitions (tests/fixtures/kubernetes), unknown fields refused, plus the API server's Job rules. The
 * negative cases prove the check refuses what a cluster would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { jobErrors, loadJobSchema } from '../../helpers/kubernetes-job-validation';

const KUBERNETES = join(__dirname, '..', '..', '..', 'deploy', 'kubernetes');
/** The releases the README says the manifests were checked against. */
const VERSIONS = ['1.33', '1.36'];

const manifests = readdirSync(KUBERNETES)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, documents: parseAllDocuments(readFileSync(join(KUBERNETES, name), 'utf8')) }));

type Job = {
  spec: Record<string, unknown> & {
    template: { spec: { containers: Record<string, unknown>[] } };
  };
};

function convertJob(): Job {
  const job = manifests.find((m) => m.name === 'convert-job.yaml')?.documents[0]?.toJS() as Job | undefined;
  if (!job) throw new Error('deploy/kubernetes/convert-job.yaml is missing');
  return job;
}

describe.each(VERSIONS)('deploy/kubernetes against the Kubernetes %s API', (version) => {
  const schema = loadJobSchema(version);

  it('the fixture is that release’s published document', () => {
    expect(schema.kubernetes).toBe(version);
    expect(schema.source).toContain(`release-${version}`);
    expect(Object.keys(schema.definitions)).toContain('io.k8s.api.batch.v1.JobSpec');
  });

  it.each(manifests.map((m) => m.name))('%s is a Job that release accepts', (name) => {
    const { documents = [] } = manifests.find((m) => m.name === name) ?? {};
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(document.errors).toEqual([]);
      expect(jobErrors(schema, document.toJS())).toEqual([]);
    }
  });

  it('refuses a field that does not exist, wherever it is', () => {
    const job = convertJob();
    job.spec.completionz = 8;
    const container = job.spec.template.spec.containers[0] ?? {};
    container.cpuLimit = '2';
    expect(jobErrors(schema, job)).toEqual([
      '/spec must NOT have additional properties: completionz',
      '/spec/template/spec/containers/0 must NOT have additional properties: cpuLimit',
    ]);
  });

  it('refuses a value of the wrong type', () => {
    const job = convertJob();
    job.spec.parallelism = 'eight';
    expect(jobErrors(schema, job)).toEqual(['/spec/parallelism must be integer']);
  });

  it('refuses an Indexed Job without completions', () => {
    const job = convertJob();
    delete job.spec.completions;
    expect(jobErrors(schema, job)).toEqual(['/spec/completions: required when Indexed']);
  });

  it('refuses per-index backoff and FailIndex on a Job that is not Indexed', () => {
    const job = convertJob();
    job.spec.completionMode = 'NonIndexed';
    expect(jobErrors(schema, job)).toEqual(['/spec/backoffLimitPerIndex: only with completionMode Indexed']);
    delete job.spec.backoffLimitPerIndex;
    expect(jobErrors(schema, job)).toEqual([
      '/spec/podFailurePolicy/rules/0: FailIndex needs backoffLimitPerIndex',
    ]);
  });
});

/**
 * deploy/: the Kubernetes Indexed Job parses as YAML and agrees with itself (completions = parallelism =
 * --shards, the archive mounted read-only, a non-root user), the Slurm script is valid bash whose array
 * size is what --shard auto reads, and the image runs the CLI on the Node runtime as a non-root user.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseConvertArgs } from '../../../src/main/cli/parse-convert-args';

const DEPLOY = join(__dirname, '..', '..', '..', 'deploy');

interface Container {
  name: string;
  image: string;
  args: string[];
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
  securityContext?: { allowPrivilegeEscalation?: boolean };
}
interface IndexedJob {
  apiVersion: string;
  kind: string;
  spec: {
    completionMode: string;
    completions: number;
    parallelism: number;
    backoffLimitPerIndex?: number;
    podFailurePolicy?: {
      rules: {
        action: string;
        onExitCodes?: { containerName?: string; operator: string; values: number[] };
        onPodConditions?: { type: string }[];
      }[];
    };
    template: {
      spec: {
        restartPolicy: string;
        securityContext: { runAsNonRoot: boolean; runAsUser: number };
        containers: Container[];
        volumes: { name: string; persistentVolumeClaim: { claimName: string } }[];
      };
    };
  };
}

function argAfter(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at < 0 ? undefined : args[at + 1];
}

describe('the Kubernetes Indexed Job', () => {
  const documents = parseAllDocuments(readFileSync(join(DEPLOY, 'kubernetes', 'convert-job.yaml'), 'utf8'));

  it('is one valid YAML document describing an Indexed batch/v1 Job', () => {
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document?.errors).toEqual([]);
    const job = document?.toJS() as IndexedJob;
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
  });

  it('runs one shard per completion index, as a non-root user, with the archive read-only', () => {
    const job = documents[0]?.toJS() as IndexedJob;
    const pod = job.spec.template.spec;
    const [container] = pod.containers;
    if (!container) throw new Error('no container');
    expect(Number(argAfter(container.args, '--shards'))).toBe(job.spec.completions);
    expect(job.spec.parallelism).toBe(job.spec.completions);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
    const input = container.args[1];
    const archive = container.volumeMounts.find((m) => m.mountPath === input);
    expect(archive?.readOnly).toBe(true);
    const out = argAfter(container.args, '--out') ?? '';
    expect(container.volumeMounts.some((m) => out.startsWith(`${m.mountPath}/`) && m.readOnly !== true)).toBe(
      true,
    );
    for (const mount of container.volumeMounts) expect(pod.volumes.map((v) => v.name)).toContain(mount.name);
  });

  it('runs an index again only when its pod died, never after the CLI gave its verdict (exit 1, 2, 3)', () => {
    const job = documents[0]?.toJS() as IndexedJob;
    // podFailurePolicy needs restartPolicy Never; retries are then per index
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimitPerIndex).toBeGreaterThan(0);
    const rules = job.spec.podFailurePolicy?.rules ?? [];
    const verdicts = rules.find((r) => r.onExitCodes !== undefined);
    expect(verdicts?.action).toBe('FailIndex');
    expect(verdicts?.onExitCodes).toEqual({ containerName: 'convert', operator: 'In', values: [1, 2, 3] });
    expect(job.spec.template.spec.containers.map((c) => c.name)).toContain('convert');
    const disruption = rules.find((r) => r.onPodConditions?.some((c) => c.type === 'DisruptionTarget'));
    expect(disruption?.action).toBe('Ignore');
  });

  it('gives the CLI arguments it accepts, with the index Kubernetes sets', () => {
    const job = documents[0]?.toJS() as IndexedJob;
    const [command, ...args] = job.spec.template.spec.containers[0]?.args ?? [];
    expect(command).toBe('convert');
    const parsed = parseConvertArgs(args, { JOB_COMPLETION_INDEX: '7' });
    expect(parsed.ok ? parsed.value.job.shard : parsed.reason).toEqual({ index: 8, count: 8 });
  });
});

describe('the Slurm array script', () => {
  const path = join(DEPLOY, 'slurm', 'convert-array.sbatch');
  const script = readFileSync(path, 'utf8');

  it('is valid bash and takes its share from the array environment', () => {
    execFileSync('bash', ['-n', path]);
    expect(script).toMatch(/^#SBATCH --array=0-\d+$/m);
    expect(script).toContain('--shard auto');
  });

  it('gives arguments the CLI accepts, for the last task of the array', () => {
    const tasks = Number(/^#SBATCH --array=0-(\d+)$/m.exec(script)?.[1]) + 1;
    const env = { SLURM_ARRAY_TASK_ID: String(tasks - 1), SLURM_ARRAY_TASK_COUNT: String(tasks) };
    const parsed = parseConvertArgs(['/in', '--out', '/out', '--shard', 'auto', '--jobs', '4'], env);
    expect(parsed.ok ? parsed.value.job.shard : parsed.reason).toEqual({ index: tasks, count: tasks });
  });
});

describe('the container image', () => {
  const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
  const lines = dockerfile.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  const finalStage = lines.slice(lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true));

  it('runs the CLI with Node on an official Node base, as the unprivileged node user', () => {
    expect(finalStage[0]).toMatch(/^FROM node:\d+-\S+-slim$/);
    expect(finalStage).toContain('USER node');
    expect(finalStage.some((l) => l.startsWith('RUN '))).toBe(false);
    expect(finalStage).toContain('ENTRYPOINT ["node", "/opt/dicom-ink/bin/dicom-ink.cjs"]');
    expect(finalStage.find((l) => l.startsWith('VOLUME'))).toContain('/data/in');
  });
});

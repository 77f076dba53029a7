/**
 * Starts Debian's Orthanc (a real, open-source PACS) as a throw-away child process on a loopback port, so
 * conformance tests can ask a PACS what it makes of our files through its REST API.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
export const ORTHANC_AET = 'ORTHANC';

/** What a test needs beyond the REST API: the DICOM listener (C-STORE, C-ECHO) and/or the DICOMweb plugin. */
export interface OrthancOptions {
  /** listen for DIMSE on a loopback port as AE title ORTHANC (any calling AE title accepted) */
  dicom?: boolean;
  /** load the DICOMweb plugin (STOW-RS, QIDO-RS under /dicom-web) */
  dicomWeb?: boolean;
}

export interface OrthancServer {
  readonly baseUrl: string;
  /** the DICOM port when started with `dicom: true` */
  readonly dicomPort?: number;
  /** Orthanc's own log so far (stdout + stderr), for failure messages. */
  log(): string;
  /** Kills the process and removes its storage; safe to call twice. */
  stop(): Promise<void>;
}

/** The answer of POST /instances for one file. */
export interface UploadAnswer {
  ID: string;
  ParentPatient: string;
  ParentStudy: string;
  ParentSeries: string;
  Status: 'Success' | 'AlreadyStored' | 'FilteredOut';
}

const READY_TRIES = 100;
const READY_INTERVAL_MS = 100;

/** A free loopback port: the OS picks one for a listener we close again at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function configuration(
  dir: string,
  port: number,
  dicomPort: number | undefined,
  options: OrthancOptions,
): string {
  // Everything off that a test does not ask for: no DICOM listener, no plugins (Debian's default config
  // loads /usr/share/orthanc/plugins), no Explorer/WebDAV, no compression so stored files stay byte-identical.
  return JSON.stringify({
    Name: 'dicom-ink-test',
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'index'),
    StorageCompression: false,
    Plugins: options.dicomWeb ? [DICOMWEB_PLUGIN] : [],
    DicomWeb: { Enable: options.dicomWeb === true, Root: '/dicom-web/' },
    LuaScripts: [],
    HttpServerEnabled: true,
    HttpPort: port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    SslEnabled: false,
    DicomServerEnabled: dicomPort !== undefined,
    DicomAet: ORTHANC_AET,
    DicomPort: dicomPort ?? 4242,
    DicomCheckCalledAet: true,
    DicomAlwaysAllowStore: true,
    DicomAlwaysAllowEcho: true,
    UnknownSopClassAccepted: false,
    OrthancExplorerEnabled: false,
    WebDavEnabled: false,
    HttpCompressionEnabled: false,
    SaveJobs: false,
  });
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/system`);
    return response.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

async function startOnce(dir: string, options: OrthancOptions): Promise<OrthancServer | string> {
  const port = await freePort();
  const dicomPort = options.dicom ? await freePort() : undefined;
  const configPath = join(dir, 'orthanc.json');
  writeFileSync(configPath, configuration(dir, port, dicomPort, options));
  const child = spawn(ORTHANC_BINARY, [configPath], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Poll the HTTP API until it answers: a bounded wait for a signal, never a blind sleep.
  for (let i = 0; i < READY_TRIES && !exited(child); i++) {
    if (await answers(baseUrl)) {
      return {
        baseUrl,
        dicomPort,
        log: () => log,
        stop: async () => {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await delay(READY_INTERVAL_MS);
  }
  await stopChild(child);
  return `Orthanc did not answer GET ${baseUrl}/system (exit code ${String(child.exitCode)}):\n${log}`;
}

/** Starts Orthanc with storage in a new temp dir; retries with a new port if another process took it first. */
export async function startOrthanc(options: OrthancOptions = {}): Promise<OrthancServer> {
  if (!existsSync(ORTHANC_BINARY)) {
    throw new Error(
      `${ORTHANC_BINARY} is missing: install the Debian package orthanc (apt-get install orthanc); .ci/run installs it`,
    );
  }
  if (options.dicomWeb && !existsSync(DICOMWEB_PLUGIN)) {
    throw new Error(
      `${DICOMWEB_PLUGIN} is missing: install the Debian package orthanc-dicomweb; .ci/run installs it`,
    );
  }
  let reason = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-orthanc-'));
    const started = await startOnce(dir, options);
    if (typeof started !== 'string') return started;
    rmSync(dir, { recursive: true, force: true });
    reason = started;
  }
  throw new Error(reason);
}

async function checked(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`Orthanc ${what}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

export async function getJson<T>(server: OrthancServer, path: string): Promise<T> {
  const response = await checked(await fetch(`${server.baseUrl}${path}`), `GET ${path}`);
  return (await response.json()) as T;
}

export async function getBytes(server: OrthancServer, path: string): Promise<Uint8Array> {
  const response = await checked(await fetch(`${server.baseUrl}${path}`), `GET ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** POST /instances with the file as the raw body, the way a PACS import or STOW-less upload does. */
export async function uploadFile(server: OrthancServer, file: string): Promise<UploadAnswer> {
  const response = await fetch(`${server.baseUrl}/instances`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/dicom' },
    body: readFileSync(file),
  });
  await checked(response, `POST /instances ${file}`);
  return (await response.json()) as UploadAnswer;
}

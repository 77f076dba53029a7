/**
 * Peers that never answer, for the delivery timeout tests (issue 20): a TCP listener that accepts and
 * never speaks, and one that never accepts (a listen backlog of 0, filled before the port is handed out,
 * so a new connection's handshake never completes).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';

export interface SilentPeer {
  port: number;
  /** connections accepted so far */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * Accepts every connection, reads what comes and never writes a byte, never closes, not even when the
 * client half-closes (allowHalfOpen: as a process that never calls accept() or close()).
 */
export async function startSilentListener(): Promise<SilentPeer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const NEVER_ACCEPTS = `
import socket, time
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket(); c.setblocking(False)
    try: c.connect(('127.0.0.1', port))
    except BlockingIOError: pass
    fill.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(600)
`;

/** A port whose backlog is full and never accepted from: connecting to it never completes. */
export async function startNonAcceptingListener(): Promise<SilentPeer> {
  const child = spawn('/usr/bin/python3', ['-c', NEVER_ACCEPTS], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`the non-accepting listener exited (${String(code)})`)));
  });
  return {
    port,
    accepted: () => 0,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

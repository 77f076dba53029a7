/**
 * A slow but steady STOW-RS sink (issue 20, point 7): a small receive buffer (so the loopback cannot
 * swallow the upload at once and the sender sees the pace), reading about 10 MB/s with a 100 ms pause
 * per MiB, then answering a Store Instances response that names the given SOP Instance UIDs.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SINK = `
import json, socket, sys, time
uids = sys.argv[1:]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
server.bind(('127.0.0.1', 0)); server.listen(4)
print(server.getsockname()[1], flush=True)
while True:
    conn, _ = server.accept()
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    data = b''
    while b'\\r\\n\\r\\n' not in data:
        data += conn.recv(65536)
    head, body = data.split(b'\\r\\n\\r\\n', 1)
    length = int([l.split(b':')[1] for l in head.split(b'\\r\\n') if l.lower().startswith(b'content-length')][0])
    got, since = len(body), len(body)
    while got < length:
        chunk = conn.recv(65536)
        if not chunk: break
        got += len(chunk); since += len(chunk)
        if since >= 1 << 20:
            since = 0
            time.sleep(0.1)
    answer = json.dumps({'00081199': {'vr': 'SQ', 'Value': [{'00081155': {'vr': 'UI', 'Value': [u]}} for u in uids]}}).encode()
    conn.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Type: application/dicom+json\\r\\nConnection: close\\r\\nContent-Length: ' + str(len(answer)).encode() + b'\\r\\n\\r\\n' + answer)
    conn.close()
`;

export async function startSlowSink(
  uids: readonly string[],
): Promise<{ port: number; close(): Promise<void> }> {
  const child = spawn('/usr/bin/python3', ['-c', SINK, ...uids], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`the slow sink exited (${String(code)})`)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

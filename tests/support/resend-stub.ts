import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedEmail = { authorization?: string; body: { from: string; to: string | string[]; subject: string; html: string; text: string } };

async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

type StubFailure = { status: number; message: string; name?: string };

// A local stand-in for api.resend.com: records what the SDK posts, answers like Resend does. `failFirst` answers the
// first requests with those failures, in order, and the rest as `failWith` (or accepted).
export async function startResendStub({ failWith, failFirst = [] }: { failWith?: StubFailure; failFirst?: StubFailure[] } = {}) {
  const received: ReceivedEmail[] = [];
  const failures = [...failFirst];
  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/emails') {
      response.writeHead(404).end();
      return;
    }
    const body = await readJson(request);
    received.push({ authorization: request.headers.authorization, body });
    response.setHeader('content-type', 'application/json');
    const failure = failures.shift() ?? failWith;
    if (failure) {
      const { status, message, name = 'validation_error' } = failure;
      response.writeHead(status).end(JSON.stringify({ name, statusCode: status, message }));
      return;
    }
    response.writeHead(200).end(JSON.stringify({ id: `stub-${received.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

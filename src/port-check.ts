import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Fails when `port` on `host` cannot be listened on, before the database is opened, migrated or
 * seeded: a second server started by mistake stops at once with one line instead of a stack trace.
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(`Cannot start: port ${port} on ${host} is already in use (set PORT to another one).`));
      else if (error.code === 'EACCES') reject(new PortInUseError(`Cannot start: no permission to listen on port ${port} on ${host}.`));
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

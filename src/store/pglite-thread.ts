// PGlite in a thread of its own. PGlite runs one statement at a time in WebAssembly; on the
// server's thread that work and the server's own (HTTP, rows to JSON) add up, while here the
// main thread parses, serialises and sends other answers as PGlite works on the next statement
// (README, "The API under load"). Statements cross as wire-protocol bytes, transferred and not
// copied, and the answers are parsed on this side into the messages node-postgres reads.
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';

/** The thread: opens the database, then answers each message of bytes with PGlite's bytes. */
const THREAD_SCRIPT = `
  const { workerData, parentPort } = require('node:worker_threads');
  import(workerData.pglite).then(async ({ PGlite }) => {
    let db;
    try {
      db = await PGlite.create(workerData.dataDir);
    } catch (error) {
      parentPort.postMessage({ id: -1, error: String(error?.message ?? error) });
      return;
    }
    parentPort.on('message', async ({ id, bytes }) => {
      if (id === 'close') {
        await db.close();
        parentPort.close();
        return;
      }
      try {
        const answer = await db.execProtocolRaw(bytes, { throwOnError: false });
        parentPort.postMessage({ id, bytes: answer }, [answer.buffer]);
      } catch (error) {
        parentPort.postMessage({ id, error: String(error?.message ?? error) });
      }
    });
    parentPort.postMessage({ id: -1 });
  });`;

type Reply = { id: number; bytes?: Uint8Array; error?: string };

/** What node-postgres's PGlite adapter needs of a PGlite (`createPgConfig`), with the database in a thread. */
export interface ThreadedPglite {
  waitReady: Promise<void>;
  execProtocolStream(message: Uint8Array): Promise<BackendMessage[]>;
  close(): Promise<void>;
}

export function openPgliteThread(dataDir: string): ThreadedPglite {
  const worker = new Worker(THREAD_SCRIPT, { eval: true, workerData: { pglite: import.meta.resolve('@electric-sql/pglite'), dataDir } });
  const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const waitReady = new Promise<void>((resolve, reject) => {
    worker.on('message', ({ id, bytes, error }: Reply) => {
      if (id === -1) return error ? reject(new Error(`opening the database in ${dataDir} failed: ${error}`)) : resolve();
      const call = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      if (error) call?.reject(new Error(error));
      else call?.resolve(bytes!);
    });
    worker.once('error', (error) => (reject(error), fail(error)));
    worker.once('exit', (code) => fail(new Error(`the database thread ended (exit ${code})`)));
  });
  // Like PGlite on the main thread, an idle database does not keep the process alive; a statement waiting for its answer does.
  void waitReady.then(() => pending.size === 0 && worker.unref(), () => undefined);
  return {
    waitReady,
    async execProtocolStream(message) {
      await waitReady;
      if (failure) throw failure;
      const bytes = await new Promise<Uint8Array>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref();
        // The adapter may reuse its buffer: send a copy, whose memory moves to the thread.
        const copy = message.slice();
        worker.postMessage({ id, bytes: copy }, [copy.buffer]);
      });
      const messages: BackendMessage[] = [];
      new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) => messages.push(m));
      return messages;
    },
    async close() {
      worker.ref();
      const ended = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ id: 'close' });
      await ended;
    },
  };
}

/** The thread's database as node-postgres's adapter takes it: it calls only `waitReady` and `execProtocolStream`. */
export const asPglite = (thread: ThreadedPglite) => thread as unknown as PGlite;

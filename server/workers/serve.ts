/**
 * The thread side of the worker pool (pool.ts): answers each task with `handler`'s result and,
 * once the module has loaded, says so (`ready`), so the pool times tasks from their start only.
 */
import { parentPort } from 'node:worker_threads';

export interface TaskRequest<I> { id: number; input: I }
export type TaskReply<O> = { id: number; result: O } | { id: number; error: string } | { ready: true };

export function serveTasks<I, O>(handler: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) return;
  const answer = (reply: TaskReply<O>) => port.postMessage(reply);
  port.on('message', (req: TaskRequest<I>) => {
    let out: O | Promise<O>;
    try {
      out = handler(req.input);
    } catch (err) {
      return answer({ id: req.id, error: (err as Error).message });
    }
    if (out instanceof Promise) out.then((result) => answer({ id: req.id, result }), (err: Error) => answer({ id: req.id, error: err.message }));
    else answer({ id: req.id, result: out });
  });
  port.postMessage({ ready: true } satisfies TaskReply<O>);
}

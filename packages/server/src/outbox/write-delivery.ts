import type { FastifyInstance } from 'fastify';
import { collectingEvents, eventsEmittedBy } from './request-events.ts';
import type { OutboxWorker } from './worker.ts';

/**
 * The answer to a write waits for the delivery of the events the write emitted, and only those
 * (decision 0206): the writer's next page shows their effects (the cockpit, the unit's
 * notifications) as it did when modules called each other directly, and a backlog left by others
 * (sustained case intake) does not hold the answer. Each write also starts a pass, unwaited, for
 * the rest: events written without a request id (intake's), and those of other servers.
 * Routes marked `deliverInBackground` (intake) do not wait at all.
 */
export function deliverEventsOfWrites(app: FastifyInstance, worker: Pick<OutboxWorker, 'nudge' | 'deliverNow'>): void {
  const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD';
  // After the body is parsed (its stream events run outside the request's async context), so the
  // handler runs in the context that collects what it emits.
  app.addHook('preHandler', (request, _reply, done) => {
    if (isWrite(request.method)) collectingEvents(request, done);
    else done();
  });
  app.addHook('onSend', async (request, reply) => {
    if (!isWrite(request.method) || reply.statusCode >= 400) return;
    // Not a flush: nothing waits for this pass, and a waiter per write would pile up while passes
    // follow one another under sustained writes (37,000 promises held after five minutes of it).
    worker.nudge();
    if (!request.routeOptions.config.deliverInBackground) await worker.deliverNow(eventsEmittedBy(request));
  });
}

// Names shared by every process of one deployment: the BullMQ queue, the Redis channels and the
// socket.io adapter key all live under the deployment's prefix (LLMTEAM_QUEUE_PREFIX), so two
// deployments (or parallel test suites) can share one Redis.

/** The queue of "advance this run" jobs. */
export const ADVANCE_QUEUE = "advance";
export const ADVANCE_JOB = "advance";

export const pokeChannel = (prefix: string) => `${prefix}:poke`;
/** The socket.io Redis adapter/emitter key: web processes and workers must agree on it. */
export const socketIoKey = (prefix: string) => `${prefix}:socket.io`;
/** The server-side socket.io event that carries committed run events between processes. */
export const RUN_EVENTS_MESSAGE = "llmteam:run-events";

export type AdvanceJobData = { run_id: string };

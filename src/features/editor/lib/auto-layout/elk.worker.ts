/**
 * Web Worker entry: runs ELK off the main thread, so laying out hundreds of steps never
 * freezes the canvas. Message in: `{ id, graph }`; out: `{ id, result }` or `{ id, error }`.
 */
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";

type Request = { id: number; graph: ElkNode };

const elk = new ELK();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage: (message: unknown) => void;
};

// Assigned (not addEventListener): importing the bundled ELK registers its own dispatcher
// as `self.onmessage` when it sees a worker scope; ours must replace it.
scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};

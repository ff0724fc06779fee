/** The validator's problems for the current document, indexed for badges on steps and edges. */
import type { Problem } from "@/shared/validation";
import type { StoreKit } from "./kit";
import type { ProblemsSlice } from "./types";

export function createProblemsSlice(kit: StoreKit): ProblemsSlice {
  let nonce = 0;
  return {
    problems: [],
    problemsByStep: new Map(),
    problemsByEdge: new Map(),
    setProblems: (problems) => {
      // A problem's edge index is its place in the segment's edges, which is the order of `edges`.
      const edges = kit.get().edges;
      const byStep = new Map<string, Problem[]>();
      const byEdge = new Map<string, Problem[]>();
      for (const problem of problems) {
        if (problem.step_id !== undefined) push(byStep, problem.step_id, problem);
        const edgeId = problem.edge ? edges[problem.edge.index]?.id : undefined;
        if (edgeId !== undefined) push(byEdge, edgeId, problem);
      }
      kit.set({ problems, problemsByStep: byStep, problemsByEdge: byEdge });
    },
    focusRequest: null,
    requestFocus: (target) => kit.set({ focusRequest: { kind: target.kind, id: target.id, nonce: ++nonce } }),
    clearFocusRequest: () => kit.set({ focusRequest: null }),
    revealRequest: null,
    setRevealRequest: (request) => kit.set({ revealRequest: request }),
    fitRequest: 0,
    requestFit: () => kit.set({ fitRequest: kit.get().fitRequest + 1 }),
  };
}

function push(map: Map<string, Problem[]>, key: string, problem: Problem): void {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

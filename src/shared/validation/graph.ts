/**
 * Graph algorithms over step ids, iterative so a long chain cannot overflow the stack:
 * reachability and strongly connected components (Tarjan), plus one concrete cycle per
 * component for messages.
 */

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Every node reachable from `start` (itself included). */
export function reachableFrom(adjacency: Adjacency, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    for (const next of adjacency.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Strongly connected components that contain a cycle (size > 1, or a node with an edge to itself). */
export function cyclicComponents(nodes: readonly string[], adjacency: Adjacency): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = adjacency.get(frame.node) ?? [];
      if (frame.next < successors.length) {
        const succ = successors[frame.next++]!;
        if (!index.has(succ)) {
          index.set(succ, counter);
          low.set(succ, counter++);
          stack.push(succ);
          onStack.add(succ);
          work.push({ node: succ, next: 0 });
        } else if (onStack.has(succ)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(succ)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = component.length === 1 && successors.includes(frame.node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  }
  return components;
}

/** A shortest cycle through `start` inside `members`: [start, …, start]. */
export function cycleThrough(start: string, members: ReadonlySet<string>, adjacency: Adjacency): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of adjacency.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) path.push(at);
        return [start, ...path.reverse(), start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

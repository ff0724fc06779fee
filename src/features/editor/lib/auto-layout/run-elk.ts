"use client";
/**
 * Runs an ELK layout: in a Web Worker (one per tab, created on first use) so a large graph
 * never blocks the canvas; on the main thread only if the worker cannot start.
 */
import type { ElkNode } from "elkjs/lib/elk-api";

type Pending = { resolve: (result: ElkNode) => void; reject: (error: Error) => void };
type Reply = { id: number; result?: ElkNode; error?: string };

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function getWorker(): Worker | null {
  if (workerBroken || typeof Worker === "undefined") return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL("./elk.worker.ts", import.meta.url), { type: "module", name: "elk-layout" });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    if (event.data.result) request.resolve(event.data.result);
    else request.reject(new Error(event.data.error ?? "The layout failed"));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = null;
    failAll(new Error("worker-failed"));
  };
  return worker;
}

async function layoutOnMainThread(graph: ElkNode): Promise<ElkNode> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  return new ELK().layout(graph);
}

/** ELK's answer for `graph`; where it ran is reported for the curious (and the tests). */
export async function runElkLayout(graph: ElkNode): Promise<{ result: ElkNode; where: "worker" | "main" }> {
  const target = getWorker();
  if (target) {
    try {
      const result = await new Promise<ElkNode>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        target.postMessage({ id, graph });
      });
      return { result, where: "worker" };
    } catch (error) {
      if (!(error instanceof Error) || error.message !== "worker-failed") throw error;
    }
  }
  return { result: await layoutOnMainThread(graph), where: "main" };
}

/**
 * Quick-add opened by dropping a connection on empty canvas: which step types can be wired
 * to the handle the drag started from (the catalog's ports and connection-rules'
 * compatibility), through which of their ports, how the new step is wired (from an output:
 * that step → new step; from an input: new step → that step) and what the header says.
 */
import type { XYPosition } from "@xyflow/react";
import { builtinCatalog, type Port, type PortLevel, type StepCatalog } from "@/shared/catalog";
import { linkablePort } from "../../lib/connection-rules";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE } from "../../lib/flow-types";
import type { HandleSide } from "../../lib/step-ports";
import type { AddStepOptions } from "../../store/types";

/** The handle a connection was dragged from: `side` "source" is an output, "target" an input. */
export type QuickAddLink = { stepId: string; handle: string; side: HandleSide };

/** The step the drag started from, as the header names it. */
export type LinkedStep = { type: string; name: string };

/** Step type id → the port of a new step of that type that the edge would use. */
export type LinkChoices = ReadonlyMap<string, string>;

/** The existing step's port behind the handle (undefined: unknown type or undeclared port, anything fits). */
function existingPort(link: QuickAddLink, stepType: string, catalog: StepCatalog): Port | undefined {
  const meta = catalog.get(stepType);
  const ports = link.side === "source" ? meta?.ports.outputs : meta?.ports.inputs;
  return ports?.find((p) => p.id === link.handle);
}

/** The catalog types (in catalog order) a new step could have to be wired to this handle. */
export function linkChoices(link: QuickAddLink, stepType: string, catalog: StepCatalog = builtinCatalog): LinkChoices {
  const existing = existingPort(link, stepType, catalog);
  const choices = new Map<string, string>();
  for (const meta of catalog.list()) {
    const port = linkablePort(existing, link.side, meta);
    if (port) choices.set(meta.type_id, port.id);
  }
  return choices;
}

/** `addStep` options wiring a new step of `typeId` to the handle, in the right direction. */
export function linkOptions(link: QuickAddLink, choices: LinkChoices, typeId: string): AddStepOptions {
  const newPort = choices.get(typeId);
  const end = { stepId: link.stepId, port: link.handle, ...(newPort ? { newPort } : {}) };
  return link.side === "source" ? { connectFrom: end } : { connectTo: end };
}

/**
 * Where the new card goes (its top-left) for a drop at `at` (flow coordinates): its input
 * handle under the pointer when it follows an output, its output handle there when it feeds
 * an input (the card to the left of the drop).
 */
export function linkedCardTopLeft(link: QuickAddLink, at: XYPosition, card: { width: number; handleTop: number }): XYPosition {
  const x = link.side === "source" ? at.x : at.x - card.width;
  return { x, y: at.y - card.handleTop };
}

/** The handle's name as the step's card shows it ("Input", "True"). */
function portName(link: QuickAddLink, port: Port | undefined): string {
  if (port) return port.label ?? port.id;
  const fallback = link.side === "source" ? DEFAULT_SOURCE_HANDLE : DEFAULT_TARGET_HANDLE;
  return link.handle === fallback ? (link.side === "source" ? "Output" : "Input") : link.handle;
}

export type LinkTitle = { lead: "Connect from" | "Connect to"; step: string; port: string; level: PortLevel | null };

/** The quick-add header: "Connect to · Classify ticket · Input" / "Connect from · Urgent? · True". */
export function linkTitle(link: QuickAddLink, step: LinkedStep, catalog: StepCatalog = builtinCatalog): LinkTitle {
  const port = existingPort(link, step.type, catalog);
  return {
    lead: link.side === "source" ? "Connect from" : "Connect to",
    step: step.name,
    port: portName(link, port),
    level: port?.level ?? null,
  };
}

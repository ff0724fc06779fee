"use client";
/**
 * Run (top bar, Ctrl/Cmd+Enter): checks the canvas with the validator first. With errors, a
 * dialog lists them and nothing runs; otherwise the run dialog asks for the input, saves the
 * draft as a revision if it changed, starts the run and opens its view.
 */
import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { validateSegment, type Problem } from "@/shared/validation";
import { isApplePlatform, keyLabel } from "../../hooks/shortcut-keys";
import { isStepNode } from "../../lib/flow-types";
import { selectSegment, useEditorStore, useEditorStoreApi } from "../../store";
import { useSaveState } from "../save-state/save-state-context";
import { PlayIcon } from "../save-state/session-icons";
import { RunDialog } from "./run-dialog";
import type { RunPlan } from "./run-plan";
import { RunRefusedDialog } from "./run-refused-dialog";
import { useCurrentRunPlan, type StartPhase } from "./use-start-run";
import { useRunShortcut } from "./use-run-shortcut";

type Flow = { kind: "closed" } | { kind: "refused"; problems: Problem[] } | { kind: "input"; plan: RunPlan };

export function RunButton() {
  const editor = useEditorStoreApi();
  const hasSteps = useEditorStore((s) => s.nodes.some(isStepNode));
  const segmentName = useEditorStore((s) => s.base.name);
  const inputSchema = useEditorStore((s) => s.base.input_schema);
  const savingRevision = useSaveState((s) => s.savingRevision);
  const currentPlan = useCurrentRunPlan();
  const [flow, setFlow] = useState<Flow>({ kind: "closed" });
  const [phase, setPhase] = useState<StartPhase | null>(null);
  const submitRef = useRef<(() => void) | null>(null);

  const open = useCallback(() => {
    const state = editor.getState();
    if (!state.nodes.some(isStepNode)) return;
    // Checked now, not the list from the last debounce: it must describe this very canvas.
    const problems = validateSegment(selectSegment(state)).problems;
    state.setProblems(problems);
    if (problems.some((p) => p.severity === "error")) setFlow({ kind: "refused", problems });
    else setFlow({ kind: "input", plan: currentPlan() });
  }, [editor, currentPlan]);

  const close = useCallback(() => {
    setFlow({ kind: "closed" });
    setPhase(null);
  }, []);

  useRunShortcut({ open, submit: () => submitRef.current?.() });

  const shortcut = keyLabel(["Mod", "Enter"], isApplePlatform());
  const reason = !hasSteps ? "Add a step to the canvas to run the segment" : savingRevision && phase === null ? "Saving a revision…" : null;

  return (
    <>
      {/* A disabled button gets no pointer events in some browsers: the wrapper carries the tooltip. */}
      <span title={reason ?? `Run the segment (${shortcut})`} className="inline-flex">
        <Button
          size="sm"
          className="border-emerald-600/30 text-emerald-800 hover:bg-emerald-50 active:bg-emerald-100"
          icon={<PlayIcon className="size-3.5 text-emerald-600" />}
          loading={phase !== null}
          disabled={reason !== null}
          onClick={open}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="run-button"
        >
          Run
        </Button>
      </span>
      {flow.kind === "refused" ? <RunRefusedDialog problems={flow.problems} onClose={close} /> : null}
      {flow.kind === "input" ? (
        <RunDialog
          segmentName={segmentName}
          inputSchema={inputSchema}
          initialPlan={flow.plan}
          phase={phase}
          onPhase={setPhase}
          onClose={close}
          submitRef={submitRef}
        />
      ) : null}
    </>
  );
}

"use client";
/**
 * The run dialog: the input (a form from input_schema, or JSON; one value, both tabs in
 * step), what will run (the latest revision, or the draft saved as the next one first), and
 * Start. Server refusals stay in the dialog with their details; on success the run view opens.
 */
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { InlineAlert } from "@/components/ui/inline-alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { cx } from "@/components/ui/cx";
import { isApplePlatform, keyLabel } from "../../hooks/shortcut-keys";
import type { JsonObject } from "../../forms/json-schema-node";
import { Tabs } from "../inspector/inspector-parts";
import { useSaveSession } from "../save-state/save-state-context";
import { InfoIcon, PlayIcon } from "../save-state/session-icons";
import { RUN_DIALOG_ATTR } from "./use-run-shortcut";
import type { RunFailure } from "./run-errors";
import { RunInputForm } from "./run-input-form";
import { RunInputJson } from "./run-input-json";
import { initialRunInput, runForm, runInputProblems } from "./run-input-schema";
import { initialRunInputState, runInputReducer, type InputOrigin } from "./run-input-state";
import { planNote, startLabel, type RunPlan } from "./run-plan";
import { useCurrentRunPlan, useStartRun, type StartPhase } from "./use-start-run";
import { usePreviousRunInput } from "./use-previous-run-input";

type Props = {
  segmentName: string;
  inputSchema: JsonObject | undefined;
  initialPlan: RunPlan;
  phase: StartPhase | null;
  onPhase: (phase: StartPhase | null) => void;
  onClose: () => void;
  /** Ctrl/Cmd+Enter while the dialog is open calls this (set by the dialog). */
  submitRef: RefObject<(() => void) | null>;
};

type Tab = "form" | "json";
const TABS = [
  { id: "form", label: "Form" },
  { id: "json", label: "JSON" },
] as const;

export function RunDialog({ segmentName, inputSchema, initialPlan, phase, onPhase, onClose, submitRef }: Props) {
  const { store, segmentId } = useSaveSession();
  const router = useRouter();
  const startRun = useStartRun();
  const currentPlan = useCurrentRunPlan();
  const form = useMemo(() => runForm(inputSchema), [inputSchema]);
  const defaults = useMemo(() => initialRunInput(form), [form]);
  const [input, dispatch] = useReducer(runInputReducer, defaults, (value) => initialRunInputState(value));
  const [tab, setTab] = useState<Tab>(form ? "form" : "json");
  const [plan, setPlan] = useState(initialPlan);
  // Problems show once the user tried to start: not while the form is still being filled in.
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<{ failure: RunFailure; savedRevision?: number } | null>(null);
  const body = useRef<HTMLDivElement>(null);
  // A second click or Ctrl+Enter before React re-rendered must not start a second run.
  const inFlight = useRef(false);

  const previous = usePreviousRunInput(segmentId, true);
  const previousRun = previous.data ?? null;
  // Once per opening: a later refetch must not undo "Use defaults".
  const prefilled = useRef(false);
  useEffect(() => {
    if (!previousRun || prefilled.current) return;
    prefilled.current = true;
    dispatch({ type: "prefill", value: initialRunInput(form, previousRun.input) });
  }, [previousRun, form]);

  const problems = useMemo(() => runInputProblems(form, input.value), [form, input.value]);
  const busy = phase !== null;

  const start = async () => {
    if (inFlight.current) return;
    setShowProblems(true);
    if (input.syntaxError !== null) {
      setTab("json");
      return;
    }
    if (problems.messages.length > 0) {
      // After React has drawn the messages: take the user to the first field that has one.
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setFailure(null);
    inFlight.current = true;
    const outcome = await startRun(input.value ?? {}, onPhase);
    if (outcome.ok) {
      // The dialog stays (busy) until the run view replaces the editor.
      router.push(`/runs/${encodeURIComponent(outcome.runId)}`);
      return;
    }
    inFlight.current = false;
    onPhase(null);
    setFailure(outcome);
    // Saved before the start failed: the next attempt runs that revision as is.
    if (outcome.savedRevision !== undefined) setPlan(currentPlan());
  };
  useEffect(() => {
    submitRef.current = () => void start();
    return () => {
      submitRef.current = null;
    };
  });

  const shortcut = keyLabel(["Mod", "Enter"], isApplePlatform());

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      dismissible={!busy}
      title={`Run “${segmentName}”`}
      description={form ? "The run starts with this input, checked against the segment's input schema." : "The run starts with this input."}
      icon={
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-emerald-50 ring-1 ring-emerald-100">
          <PlayIcon className="size-4 translate-x-px text-emerald-600" />
        </span>
      }
    >
      <div {...{ [RUN_DIALOG_ATTR]: "" }} ref={body} data-testid="run-dialog">
        <DialogBody className="space-y-3.5">
          <PlanCallout plan={plan} />
          <div className="flex items-center justify-between gap-3">
            {form ? <Tabs className="w-44" label="Input as" items={TABS} value={tab} onChange={setTab} /> : <span className="text-[13px] font-medium text-slate-800">Input (JSON)</span>}
            <PrefillNote
              origin={input.origin}
              previousAt={previousRun?.created_at}
              hasSchema={form !== null}
              onReset={(origin) => dispatch({ type: "reset", origin, value: origin === "previous-run" && previousRun ? initialRunInput(form, previousRun.input) : defaults })}
            />
          </div>
          <div className="max-h-[48vh] overflow-y-auto overscroll-contain px-0.5 pb-0.5">
            {tab === "form" && form ? (
              <RunInputForm
                form={form}
                value={input.value}
                syntaxError={input.syntaxError}
                errorSchema={showProblems ? problems.errorSchema : undefined}
                onChange={(value) => dispatch({ type: "form", value })}
                onShowJson={() => setTab("json")}
              />
            ) : (
              <RunInputJson
                text={input.text}
                syntaxError={input.syntaxError}
                problems={showProblems ? problems.messages : []}
                hasSchema={form !== null}
                onChange={(text) => dispatch({ type: "text", text })}
              />
            )}
          </div>
          {failure ? <FailureAlert failure={failure.failure} savedRevision={failure.savedRevision} onResolve={() => store.getState().set({ conflictOpen: true })} /> : null}
        </DialogBody>
        <DialogFooter>
          {showProblems && problems.messages.length > 0 && input.syntaxError === null ? (
            <p className="mr-auto text-[12px] font-medium text-red-600" role="status">
              {problems.messages.length === 1 ? "1 field needs attention" : `${problems.messages.length} fields need attention`}
            </p>
          ) : null}
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" icon={<PlayIcon className="size-3.5" />} loading={busy} onClick={() => void start()} aria-keyshortcuts="Control+Enter Meta+Enter">
            {phase === "saving" ? `Saving revision ${plan.revision}…` : phase === "starting" ? "Starting…" : startLabel(plan)}
            <kbd className="-mr-0.5 rounded bg-white/15 px-1 font-sans text-[11px] font-medium text-indigo-50">{shortcut}</kbd>
          </Button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}

function PlanCallout({ plan }: { plan: RunPlan }) {
  return (
    <p
      className={cx(
        "flex items-start gap-2 rounded-md px-3 py-2 text-[13px] leading-snug ring-1 ring-inset",
        plan.save ? "bg-indigo-50/70 text-indigo-900 ring-indigo-200" : "bg-slate-50 text-slate-600 ring-slate-200",
      )}
      data-testid="run-plan"
    >
      <InfoIcon className={cx("mt-px size-4 shrink-0", plan.save ? "text-indigo-500" : "text-slate-400")} />
      <span>{planNote(plan)}</span>
    </p>
  );
}

/** Where the input came from, and a way back to the other starting point. */
type PrefillNoteProps = {
  origin: InputOrigin;
  previousAt: string | undefined;
  /** Without a schema there are no defaults: the other starting point is an empty input. */
  hasSchema: boolean;
  onReset: (origin: Exclude<InputOrigin, "typed">) => void;
};

function PrefillNote({ origin, previousAt, hasSchema, onReset }: PrefillNoteProps) {
  const back: { label: string; origin: Exclude<InputOrigin, "typed"> } | null =
    origin === "previous-run"
      ? { label: hasSchema ? "Use defaults" : "Start empty", origin: "defaults" }
      : previousAt !== undefined
        ? { label: "Use last run's input", origin: "previous-run" }
        : origin === "typed"
          ? { label: "Reset", origin: "defaults" }
          : null;
  return (
    <p className="flex min-w-0 items-center gap-2 text-[12px] text-slate-500">
      {origin === "previous-run" && previousAt ? (
        <span className="truncate">
          From the last run, <RelativeTime value={previousAt} />
        </span>
      ) : null}
      {back ? (
        <button type="button" onClick={() => onReset(back.origin)} className="shrink-0 font-medium text-indigo-600 hover:text-indigo-800">
          {back.label}
        </button>
      ) : null}
    </p>
  );
}

function FailureAlert({ failure, savedRevision, onResolve }: { failure: RunFailure; savedRevision: number | undefined; onResolve: () => void }) {
  return (
    <InlineAlert>
      {savedRevision !== undefined ? <p className="font-medium">The draft was saved as revision {savedRevision}, but the run did not start.</p> : null}
      <p className={savedRevision !== undefined ? "" : "font-medium"}>{failure.title}</p>
      {failure.details.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-4 text-[13px]" aria-label="Details">
          {failure.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
      {failure.conflict ? (
        <button type="button" onClick={onResolve} className="mt-1.5 font-medium underline underline-offset-2">
          Resolve the conflict…
        </button>
      ) : null}
    </InlineAlert>
  );
}

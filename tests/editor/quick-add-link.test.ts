import { describe, expect, it } from "vitest";
import { builtinCatalog, createBuiltinCatalog, type StepTypeMetadata } from "@/shared/catalog";
import {
  linkChoices,
  linkedCardTopLeft,
  linkOptions,
  linkTitle,
  type QuickAddLink,
} from "@/features/editor/components/quick-add/quick-add-link";
import { segmentOf, triage, triageStore } from "./store-helpers";

/** The builtin types plus a few with typed ports, so the filter has something to refuse. */
function typedCatalog() {
  const catalog = createBuiltinCatalog();
  const base = catalog.get("transform")!;
  const custom = (type_id: string, ports: StepTypeMetadata["ports"]): StepTypeMetadata => ({ ...base, type_id, display_name: type_id, ports });
  // Reads text, writes text (agent level).
  catalog.register(custom("summarize_text", { inputs: [{ id: "in", level: "agent", data_type: "text" }], outputs: [{ id: "out", level: "agent", data_type: "text" }] }));
  // Reads JSON only, no output.
  catalog.register(custom("json_sink", { inputs: [{ id: "in", level: "workflow", data_type: "json" }], outputs: [] }));
  // No input: can only start a flow.
  catalog.register(custom("clock", { inputs: [], outputs: [{ id: "tick", level: "workflow", data_type: "text" }] }));
  // Two inputs, the first one for booleans only.
  catalog.register(
    custom("gate", {
      inputs: [
        { id: "flag", level: "workflow", data_type: "boolean" },
        { id: "data", level: "workflow", data_type: "json" },
      ],
      outputs: [{ id: "out", level: "workflow", data_type: "json" }],
    }),
  );
  return catalog;
}

const fromOutput = (stepId: string, handle = "out"): QuickAddLink => ({ stepId, handle, side: "source" });
const fromInput = (stepId: string, handle = "in"): QuickAddLink => ({ stepId, handle, side: "target" });

describe("linkChoices: the step types quick-add offers for a handle", () => {
  const catalog = typedCatalog();
  const builtinIds = builtinCatalog.list().map((m) => m.type_id);

  it("from a text output: types with an input that takes text, through that input; not a JSON-only sink nor a type without input", () => {
    const choices = linkChoices(fromOutput("s", "out"), "summarize_text", catalog);
    expect(choices.get("summarize_text")).toBe("in");
    expect(choices.has("json_sink")).toBe(false);
    expect(choices.has("clock")).toBe(false);
    expect(choices.has("gate")).toBe(false);
    // Every builtin input takes any data.
    for (const id of builtinIds) expect(choices.get(id), id).toBe("in");
  });

  it("picks the first compatible port, not just the first port (a condition's true output feeds the gate's flag)", () => {
    const fromTrue = linkChoices(fromOutput("c", "true"), "condition", catalog);
    expect(fromTrue.get("gate")).toBe("flag");
    const fromJson = linkChoices(fromOutput("h", "out"), "http_request", catalog);
    expect(fromJson.get("gate")).toBe("data");
    expect(fromJson.get("json_sink")).toBe("in");
    expect(fromJson.has("summarize_text")).toBe(false);
  });

  it("from an input: types with a compatible output (a JSON input takes the gate's JSON, not the clock's text)", () => {
    const choices = linkChoices(fromInput("j", "in"), "json_sink", catalog);
    expect(choices.get("gate")).toBe("out");
    expect(choices.has("clock")).toBe(false);
    expect(choices.has("summarize_text")).toBe(false);
    expect(choices.has("json_sink")).toBe(false);
    // An approval decision and an array are JSON; a condition's boolean is not.
    expect(choices.get("human_approval")).toBeDefined();
    expect(choices.get("map")).toBe("out");
    expect(choices.has("condition")).toBe(false);
  });

  it("an `any` input takes every type that has an output", () => {
    const choices = linkChoices(fromInput("t", "in"), "transform", catalog);
    expect([...choices.keys()].sort()).toEqual([...builtinIds, "summarize_text", "clock", "gate"].sort());
    expect(choices.get("condition")).toBe("true");
    expect(choices.get("clock")).toBe("tick");
  });

  it("a step of an unknown type, or a port its type does not declare, is not checked: every type with a port on that side", () => {
    const unknown = linkChoices(fromOutput("x", "out"), "custom_thing", catalog);
    expect(unknown.has("json_sink")).toBe(true);
    expect(unknown.has("clock")).toBe(false);
    const undeclared = linkChoices(fromInput("t", "extra"), "transform", catalog);
    expect(undeclared.get("clock")).toBe("tick");
    expect(undeclared.has("json_sink")).toBe(false);
  });
});

describe("linkOptions / linkedCardTopLeft / linkTitle", () => {
  it("from an output the new step follows; from an input it leads, through the chosen port", () => {
    const catalog = typedCatalog();
    const out = fromOutput("c", "true");
    expect(linkOptions(out, linkChoices(out, "condition", catalog), "gate")).toEqual({
      connectFrom: { stepId: "c", port: "true", newPort: "flag" },
    });
    const into = fromInput("j", "in");
    expect(linkOptions(into, linkChoices(into, "json_sink", catalog), "gate")).toEqual({
      connectTo: { stepId: "j", port: "in", newPort: "out" },
    });
  });

  it("puts the new card's matching handle at the drop point", () => {
    const card = { width: 280, handleTop: 31 };
    expect(linkedCardTopLeft(fromOutput("a"), { x: 500, y: 300 }, card)).toEqual({ x: 500, y: 269 });
    expect(linkedCardTopLeft(fromInput("a"), { x: 500, y: 300 }, card)).toEqual({ x: 220, y: 269 });
  });

  it("says what the new step connects to, with the port's label and level", () => {
    expect(linkTitle(fromInput("classify"), { type: "llm_agent", name: "Classify" })).toEqual({
      lead: "Connect to",
      step: "Classify",
      port: "Input",
      level: "agent",
    });
    expect(linkTitle(fromOutput("is_urgent", "false"), { type: "condition", name: "Urgent?" })).toEqual({
      lead: "Connect from",
      step: "Urgent?",
      port: "False",
      level: "workflow",
    });
    expect(linkTitle(fromOutput("x", "out"), { type: "custom_thing", name: "x" })).toMatchObject({ port: "Output", level: null });
  });
});

describe("addStep wired from quick-add", () => {
  it("from an input handle: new step → that step, one undo step for both", () => {
    const store = triageStore();
    const id = store.getState().addStep("transform", { x: -300, y: 0 }, { connectTo: { stepId: "classify", port: "in" } });
    expect(segmentOf(store).edges.at(-1)).toEqual({ from_step: id, to_step: "classify" });
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("the new step is wired through the port quick-add chose for it (a condition leads through false)", () => {
    const store = triageStore();
    const id = store.getState().addStep("condition", { x: 900, y: 0 }, { connectTo: { stepId: "auto_reply", newPort: "false" } });
    expect(segmentOf(store).edges.at(-1)).toEqual({ from_step: id, to_step: "auto_reply", from_port: "false", condition: "output = false" });
    const next = store.getState().addStep("delay", { x: 900, y: 300 }, { connectFrom: { stepId: "escalate", port: "out", newPort: "in" } });
    expect(segmentOf(store).edges.at(-1)).toEqual({ from_step: "escalate", to_step: next });
  });

  it("a wiring the rules refuse still adds the step, unconnected", () => {
    const store = triageStore();
    const id = store.getState().addStep("transform", { x: 0, y: 0 }, { connectTo: { stepId: "classify", port: "nope" } });
    expect(segmentOf(store).steps.map((s) => s.step_id)).toContain(id);
    expect(segmentOf(store).edges).toHaveLength(triage().edges.length);
  });
});

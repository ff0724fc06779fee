import { describe, expect, it } from "vitest";
import { CONTRACT_VERSION, parseSegment, type ContractProblem, type Segment } from "../../src/shared/segment";
import { firstStep, fullDoc, minimalDoc } from "./fixtures";

function problemsOf(doc: unknown): ContractProblem[] {
  const result = parseSegment(doc);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.problems;
}

function segmentOf(doc: unknown): Segment {
  const result = parseSegment(doc);
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.problems)}`);
  return result.segment;
}

describe("valid documents", () => {
  it("accepts a minimal document", () => {
    expect(segmentOf(minimalDoc()).segment_id).toBe("hello");
  });

  it("accepts a full document and keeps every field", () => {
    const segment = segmentOf(fullDoc());
    expect(segment.steps).toHaveLength(3);
    expect(segment.steps[0]?.retry).toEqual({ max_attempts: 3, initial_seconds: 2, multiplier: 2, max_seconds: 30 });
    expect(segment.edges[1]).toEqual({
      from_step: "check_quality",
      to_step: "review",
      from_port: "true",
      condition: "score >= 0.8",
    });
    expect(segment.metadata).toEqual({ owner: "content-team", tags: ["demo"] });
  });

  it("does not check references (entrypoint / edge ends naming missing steps is the validator's job)", () => {
    const doc = minimalDoc();
    doc.entrypoint = "nowhere";
    doc.edges = [{ from_step: "ghost", to_step: "phantom" }];
    expect(parseSegment(doc).ok).toBe(true);
  });
});

describe("defaults", () => {
  it("defaults a missing version to the contract version", () => {
    expect(segmentOf(minimalDoc()).version).toBe(CONTRACT_VERSION);
    expect(CONTRACT_VERSION).toBe("1.0");
  });

  it("defaults missing edges to an empty array (a fresh array each time)", () => {
    const a = segmentOf(minimalDoc());
    const b = segmentOf(minimalDoc());
    expect(a.edges).toEqual([]);
    expect(a.edges).not.toBe(b.edges);
  });

  it("defaults retry.max_attempts to 1 when retry is given without it", () => {
    const doc = minimalDoc();
    firstStep(doc).retry = { initial_seconds: 1 };
    expect(segmentOf(doc).steps[0]?.retry).toEqual({ max_attempts: 1, initial_seconds: 1 });
  });
});

describe("missing-required-field", () => {
  it.each(["segment_id", "name", "entrypoint", "steps"])("reports missing top-level %s as missing_field", (field) => {
    const doc = minimalDoc();
    delete doc[field];
    expect(problemsOf(doc)).toEqual([{ code: "missing_field", message: `${field} is required`, path: field }]);
  });

  it.each(["type", "config"])("reports missing step %s with the step_id", (field) => {
    const doc = minimalDoc();
    delete firstStep(doc)[field];
    expect(problemsOf(doc)).toEqual([
      { code: "missing_field", message: `${field} is required`, path: `steps[0].${field}`, step_id: "greet" },
    ]);
  });

  it("reports a missing step_id without a step_id field on the problem", () => {
    const doc = minimalDoc();
    delete firstStep(doc).step_id;
    expect(problemsOf(doc)).toEqual([{ code: "missing_field", message: "step_id is required", path: "steps[0].step_id" }]);
  });

  it.each(["from_step", "to_step"])("reports missing edge %s", (field) => {
    const doc = minimalDoc();
    const edge: Record<string, unknown> = { from_step: "a", to_step: "b" };
    delete edge[field];
    doc.edges = [edge];
    expect(problemsOf(doc)).toEqual([{ code: "missing_field", message: `${field} is required`, path: `edges[0].${field}` }]);
  });

  it("reports missing ui.x / ui.y", () => {
    const doc = minimalDoc();
    firstStep(doc).ui = { width: 100 };
    expect(problemsOf(doc).map((p) => [p.code, p.path])).toEqual([
      ["missing_field", "steps[0].ui.x"],
      ["missing_field", "steps[0].ui.y"],
    ]);
  });
});

describe("bad-segment-id", () => {
  it.each([
    ["uppercase", "Hello"],
    ["leading dash", "-hello"],
    ["leading underscore", "_hello"],
    ["spaces", "my segment"],
    ["dots", "my.segment"],
    ["non-ascii", "café"],
  ])("rejects %s (%s) with a message that says what is allowed", (_why, id) => {
    const doc = minimalDoc();
    doc.segment_id = id;
    const [problem, ...rest] = problemsOf(doc);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "invalid_value", path: "segment_id" });
    expect(problem?.message).toMatch(/lowercase letters a-z, digits, "_" and "-"/);
  });

  it("rejects a 65-character id with a length message only", () => {
    const doc = minimalDoc();
    doc.segment_id = "a".repeat(65);
    expect(problemsOf(doc)).toEqual([
      { code: "invalid_value", message: "segment_id must be at most 64 characters", path: "segment_id" },
    ]);
  });

  it("accepts a 64-character id and ids with _ and -", () => {
    for (const id of ["a".repeat(64), "article_writer", "v2-flow", "0day"]) {
      const doc = minimalDoc();
      doc.segment_id = id;
      expect(parseSegment(doc).ok, id).toBe(true);
    }
  });

  it("rejects an empty id as 'must not be empty' (one problem, not two)", () => {
    const doc = minimalDoc();
    doc.segment_id = "";
    expect(problemsOf(doc)).toEqual([{ code: "invalid_value", message: "segment_id must not be empty", path: "segment_id" }]);
  });

  it("rejects a non-string id as invalid_value naming the type", () => {
    const doc = minimalDoc();
    doc.segment_id = 42;
    expect(problemsOf(doc)).toEqual([
      { code: "invalid_value", message: "segment_id must be a string, got the number 42", path: "segment_id" },
    ]);
  });
});

describe("bad-step-id", () => {
  it.each([
    ["leading dash", "-step"],
    ["space", "step 1"],
    ["dot", "step.1"],
    ["non-ascii", "шаг"],
  ])("rejects a step_id with a %s", (_why, id) => {
    const doc = minimalDoc();
    firstStep(doc).step_id = id;
    expect(problemsOf(doc)).toEqual([
      {
        code: "invalid_value",
        message: 'step_id may contain only letters, digits, "_" and "-", and must not start with "-" (e.g. "step_1")',
        path: "steps[0].step_id",
        step_id: id,
      },
    ]);
  });

  it("rejects an empty and a 65-character step_id", () => {
    const empty = minimalDoc();
    firstStep(empty).step_id = "";
    expect(problemsOf(empty)).toEqual([
      { code: "invalid_value", message: "step_id must not be empty", path: "steps[0].step_id" },
    ]);
    const long = minimalDoc();
    firstStep(long).step_id = "s".repeat(65);
    expect(problemsOf(long).map((p) => p.message)).toEqual(["step_id must be at most 64 characters"]);
  });

  it("accepts llmteam-style step ids", () => {
    for (const id of ["research", "step_1", "Step-2", "_private", "1st"]) {
      const doc = minimalDoc();
      firstStep(doc).step_id = id;
      expect(parseSegment(doc).ok, id).toBe(true);
    }
  });
});

describe("names and strings", () => {
  it("rejects an empty name and a name longer than 200 characters", () => {
    const empty = minimalDoc();
    empty.name = "";
    expect(problemsOf(empty)).toEqual([{ code: "invalid_value", message: "name must not be empty", path: "name" }]);
    const long = minimalDoc();
    long.name = "n".repeat(201);
    expect(problemsOf(long)).toEqual([{ code: "invalid_value", message: "name must be at most 200 characters", path: "name" }]);
  });

  it("rejects an empty step name, type and entrypoint", () => {
    const doc = minimalDoc();
    doc.entrypoint = "";
    firstStep(doc).type = "";
    firstStep(doc).name = "";
    expect(problemsOf(doc).map((p) => [p.path, p.message])).toEqual([
      ["entrypoint", "entrypoint must not be empty"],
      ["steps[0].type", "type must not be empty"],
      ["steps[0].name", "name must not be empty"],
    ]);
  });

  it("rejects non-string edge condition and ports, and an empty condition", () => {
    const doc = minimalDoc();
    doc.edges = [
      { from_step: "a", to_step: "b", condition: true, from_port: 1 },
      { from_step: "a", to_step: "b", condition: "" },
    ];
    expect(problemsOf(doc)).toEqual([
      { code: "invalid_value", message: "from_port must be a string, got the number 1", path: "edges[0].from_port" },
      { code: "invalid_value", message: "condition must be a string, got true", path: "edges[0].condition" },
      {
        code: "invalid_value",
        message: "condition must not be empty: omit it for an unconditional edge",
        path: "edges[1].condition",
      },
    ]);
  });

  it("rejects a document that is not an object at path ''", () => {
    for (const doc of [null, [], "{}", 3]) {
      const problems = problemsOf(doc);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: "invalid_value", path: "" });
      expect(problems[0]?.message).toMatch(/^the segment document must be an object, got /);
    }
  });

  it("rejects steps/edges that are not arrays and step entries that are not objects", () => {
    const doc = minimalDoc();
    doc.steps = [5];
    doc.edges = {};
    expect(problemsOf(doc)).toEqual([
      { code: "invalid_value", message: "steps[0] must be an object, got the number 5", path: "steps[0]" },
      { code: "invalid_value", message: "edges must be an array, got an object", path: "edges" },
    ]);
  });
});

describe("unknown-key", () => {
  it("reports a typo at top level with a suggestion", () => {
    const doc = minimalDoc();
    doc.entry_point = doc.entrypoint;
    delete doc.entrypoint;
    expect(problemsOf(doc)).toContainEqual({
      code: "unknown_key",
      message: 'unknown key "entry_point" — did you mean "entrypoint"?',
      path: "entry_point",
    });
  });

  it("reports an unrelated top-level key and points to metadata", () => {
    const doc = minimalDoc();
    doc.author = "me";
    expect(problemsOf(doc)).toEqual([
      { code: "unknown_key", message: 'unknown key "author" (custom data belongs in "metadata")', path: "author" },
    ]);
  });

  it("reports a typo in a step with the step_id and a suggestion", () => {
    const doc = minimalDoc();
    firstStep(doc).timeout_secs = 10;
    expect(problemsOf(doc)).toEqual([
      {
        code: "unknown_key",
        message: 'unknown key "timeout_secs" — did you mean "timeout_seconds"?',
        path: "steps[0].timeout_secs",
        step_id: "greet",
      },
    ]);
  });

  it("suggests step_id for camelCase stepId", () => {
    const doc = minimalDoc();
    firstStep(doc).stepId = "x";
    expect(problemsOf(doc)[0]?.message).toBe('unknown key "stepId" — did you mean "step_id"?');
  });

  it("reports config-like keys put directly on a step and points to config", () => {
    const doc = minimalDoc();
    firstStep(doc).prompt = "hi";
    expect(problemsOf(doc)).toEqual([
      {
        code: "unknown_key",
        message: 'unknown key "prompt" in steps[0] (step settings belong in "config")',
        path: "steps[0].prompt",
        step_id: "greet",
      },
    ]);
  });

  it("reports a typo in an edge", () => {
    const doc = minimalDoc();
    doc.edges = [{ from_step: "a", to_step: "b", form_port: "out" }];
    expect(problemsOf(doc)).toEqual([
      { code: "unknown_key", message: 'unknown key "form_port" — did you mean "from_port"?', path: "edges[0].form_port" },
    ]);
  });

  it("reports a typo in retry with the step_id", () => {
    const doc = minimalDoc();
    firstStep(doc).retry = { max_attempts: 2, initial_second: 1 };
    expect(problemsOf(doc)).toEqual([
      {
        code: "unknown_key",
        message: 'unknown key "initial_second" — did you mean "initial_seconds"?',
        path: "steps[0].retry.initial_second",
        step_id: "greet",
      },
    ]);
  });

  it("reports one problem per unknown key in the same object", () => {
    const doc = minimalDoc();
    doc.foo = 1;
    doc.bar = 2;
    doc["odd key"] = 3;
    expect(problemsOf(doc).map((p) => p.path)).toEqual(["foo", "bar", '["odd key"]']);
  });

  it("allows any keys inside metadata, ui, config and input_schema", () => {
    const doc = minimalDoc();
    doc.metadata = { anything: { nested: true }, entry_point: "not a typo here" };
    doc.input_schema = { type: "object", $defs: {}, "x-custom": 1 };
    Object.assign(firstStep(doc), {
      config: { whatever: 1, deeply: { nested: ["ok"] } },
      ui: { x: 1, y: 2, width: 300, collapsed: true, group: "g" },
    });
    const segment = segmentOf(doc);
    expect(segment.steps[0]?.ui).toEqual({ x: 1, y: 2, width: 300, collapsed: true, group: "g" });
    expect(segment.metadata).toEqual(doc.metadata);
  });

  it("rejects metadata, config and input_schema that are not objects", () => {
    const doc = minimalDoc();
    doc.metadata = ["tag"];
    doc.input_schema = true;
    firstStep(doc).config = "prompt";
    expect(problemsOf(doc).map((p) => [p.path, p.message])).toEqual([
      ["input_schema", "input_schema must be an object, got true"],
      ["steps[0].config", 'config must be an object, got the string "prompt"'],
      ["metadata", "metadata must be an object, got an array"],
    ]);
  });
});

describe("all-problems-at-once", () => {
  it("reports 3 separate mistakes as 3 problems with their paths and step ids", () => {
    const doc = fullDoc();
    doc.segment_id = "Bad Id";
    (doc.steps as Record<string, unknown>[])[2]!.on_error = "ignore";
    (doc.edges as Record<string, unknown>[])[1]!.to_stepp = "review";
    const problems = problemsOf(doc);
    expect(problems.map(({ code, path, step_id }) => ({ code, path, step_id }))).toEqual([
      { code: "invalid_value", path: "segment_id", step_id: undefined },
      { code: "invalid_value", path: "steps[2].on_error", step_id: "review" },
      { code: "unknown_key", path: "edges[1].to_stepp", step_id: undefined },
    ]);
    expect(problems[2]?.message).toBe('unknown key "to_stepp" — did you mean "to_step"?');
  });

  it("reports problems in several steps, each with its own step_id", () => {
    const doc = fullDoc();
    const steps = doc.steps as Record<string, unknown>[];
    steps[0]!.timeout_seconds = -1;
    steps[1]!.ui = { x: "left", y: 0 };
    steps[2]!.retry = { max_attempts: 0 };
    expect(problemsOf(doc).map((p) => [p.path, p.step_id])).toEqual([
      ["steps[0].timeout_seconds", "write"],
      ["steps[1].ui.x", "check_quality"],
      ["steps[2].retry.max_attempts", "review"],
    ]);
  });
});

describe("wrong-version", () => {
  it.each(["2.0", "1", "1.1"])("rejects version %s with a clear message", (version) => {
    const doc = minimalDoc();
    doc.version = version;
    expect(problemsOf(doc)).toEqual([
      {
        code: "invalid_value",
        message: `unsupported contract version ${JSON.stringify(version)}: only "1.0" is supported`,
        path: "version",
      },
    ]);
  });

  it("rejects a numeric version 1.0 (it must be the string)", () => {
    const doc = minimalDoc();
    doc.version = 1.0;
    expect(problemsOf(doc)[0]?.message).toBe('unsupported contract version 1: only "1.0" is supported');
  });

  it("accepts an explicit version 1.0", () => {
    const doc = minimalDoc();
    doc.version = "1.0";
    expect(segmentOf(doc).version).toBe("1.0");
  });
});

describe("retry-bounds", () => {
  function retryProblems(retry: unknown): string[] {
    const doc = minimalDoc();
    firstStep(doc).retry = retry;
    const result = parseSegment(doc);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  }

  it("rejects max_attempts 0 and explains it counts all attempts", () => {
    expect(retryProblems({ max_attempts: 0 })).toEqual([
      "steps[0].retry.max_attempts: max_attempts must be at least 1 (it counts all attempts, the first one included)",
    ]);
  });

  it("rejects a fractional max_attempts", () => {
    expect(retryProblems({ max_attempts: 2.5 })).toEqual([
      "steps[0].retry.max_attempts: max_attempts must be an integer, got the number 2.5",
    ]);
  });

  it("rejects negative delays and a multiplier below 1", () => {
    expect(retryProblems({ max_attempts: 3, initial_seconds: -1, multiplier: 0.5, max_seconds: -5 })).toEqual([
      "steps[0].retry.initial_seconds: initial_seconds must be at least 0",
      "steps[0].retry.multiplier: multiplier must be at least 1",
      "steps[0].retry.max_seconds: max_seconds must be at least 0",
    ]);
  });

  it("accepts the boundary values", () => {
    expect(retryProblems({ max_attempts: 1, initial_seconds: 0, multiplier: 1, max_seconds: 0 })).toEqual([]);
  });

  it("rejects retry that is not an object", () => {
    expect(retryProblems(3)).toEqual(["steps[0].retry: retry must be an object, got the number 3"]);
  });
});

describe("timeout-and-on-error", () => {
  it("rejects a zero or negative timeout_seconds", () => {
    for (const timeout of [0, -3]) {
      const doc = minimalDoc();
      firstStep(doc).timeout_seconds = timeout;
      expect(problemsOf(doc)).toEqual([
        {
          code: "invalid_value",
          message: "timeout_seconds must be greater than 0",
          path: "steps[0].timeout_seconds",
          step_id: "greet",
        },
      ]);
    }
  });

  it("rejects an on_error outside fail|continue", () => {
    const doc = minimalDoc();
    firstStep(doc).on_error = "retry";
    expect(problemsOf(doc)).toEqual([
      {
        code: "invalid_value",
        message: 'on_error must be one of "fail", "continue", got the string "retry"',
        path: "steps[0].on_error",
        step_id: "greet",
      },
    ]);
  });

  it("accepts on_error fail and continue", () => {
    for (const onError of ["fail", "continue"]) {
      const doc = minimalDoc();
      firstStep(doc).on_error = onError;
      expect(segmentOf(doc).steps[0]?.on_error).toBe(onError);
    }
  });
});

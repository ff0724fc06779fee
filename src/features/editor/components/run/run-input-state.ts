/**
 * The run dialog's input, typed in the form or as JSON: one value and its JSON text, kept in
 * step. A form edit rewrites the text; text that parses becomes the value (the form follows);
 * text that does not parse keeps the last good value and says where the syntax breaks.
 */
import { findJsonSyntaxError } from "../../lib/json-syntax";
import { formatJson, jsonEqual } from "../../forms/json-value";

export type InputOrigin = "defaults" | "previous-run" | "typed";

export type RunInputState = {
  /** The input the run gets: undefined when the JSON text is empty (the run gets `{}`). */
  value: unknown;
  /** The JSON tab's text. */
  text: string;
  /** "Line 2, column 5: …" while the text is not JSON; the value is then the last good one. */
  syntaxError: string | null;
  /** Where the value came from; a prefill never replaces what the user typed. */
  origin: InputOrigin;
};

export type RunInputAction =
  | { type: "form"; value: unknown }
  | { type: "text"; text: string }
  /** The last run's input arrived: used unless the user has typed already. */
  | { type: "prefill"; value: unknown }
  /** The user picked a starting point: the schema's defaults or the last run's input. */
  | { type: "reset"; value: unknown; origin: Exclude<InputOrigin, "typed"> };

export function initialRunInputState(value: unknown, origin: InputOrigin = "defaults"): RunInputState {
  return { value, text: formatJson(value), syntaxError: null, origin };
}

export function runInputReducer(state: RunInputState, action: RunInputAction): RunInputState {
  switch (action.type) {
    case "form":
      // rjsf reports its own echo of the value it was given: not an edit.
      if (state.syntaxError === null && jsonEqual(action.value, state.value)) return state;
      return { value: action.value, text: formatJson(action.value), syntaxError: null, origin: "typed" };
    case "text": {
      if (action.text === state.text) return state;
      const parsed = parseInputText(action.text);
      return parsed.ok
        ? { value: parsed.value, text: action.text, syntaxError: null, origin: "typed" }
        : { ...state, text: action.text, syntaxError: parsed.message, origin: "typed" };
    }
    case "prefill":
      return state.origin === "typed" ? state : initialRunInputState(action.value, "previous-run");
    case "reset":
      return initialRunInputState(action.value, action.origin);
  }
}

/** JSON text → value; empty text is "no input" (undefined). */
export function parseInputText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found) return { ok: false, message: `Line ${found.line}, column ${found.column}: ${found.message}` };
    return { ok: false, message: error instanceof Error ? error.message : "Not valid JSON" };
  }
}

/**
 * Where and why JSON text is malformed. Browsers' JSON.parse messages differ and often
 * carry no position (V8: `Unexpected token '}', "…the whole text…" is not valid JSON`), so
 * a small scanner over the JSON grammar finds the first error itself. Only called after
 * JSON.parse failed; it never builds values.
 */
export type JsonError = { position: number; message: string };

class Fail extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function findJsonError(text: string): JsonError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `"${text[at]}"`);
  const expect = (what: string): never => {
    throw new Fail(i, `Expected ${what}, found ${describe(i)}`);
  };

  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, "Bad \\u escape: it needs 4 hex digits");
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw new Fail(i, `Bad escape "\\${next ?? ""}" in a string`);
        continue;
      }
      if (c === "\n" || c.charCodeAt(0) < 0x20) throw new Fail(i, "Line break inside a string: write \\n");
      i++;
    }
    throw new Fail(start, "This string is never closed with a double quote");
  };

  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    if (c === "'") throw new Fail(i, "Strings need double quotes, not single quotes");
    expect("a value");
  };

  const object = () => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "}") throw new Fail(i, "Trailing comma before }");
      if (text[i] !== '"') {
        throw new Fail(i, text[i] === undefined ? "The object is never closed with }" : "Property names need double quotes");
      }
      string();
      ws();
      if (text[i] !== ":") expect('":" after the property name');
      i++;
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      expect('"," or "}"');
    }
  };

  const array = () => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "]") throw new Fail(i, "Trailing comma before ]");
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      expect('"," or "]"');
    }
  };

  try {
    value();
    ws();
    if (i < text.length) throw new Fail(i, `Unexpected ${describe(i)} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { position: error.position, message: error.message };
    throw error;
  }
}

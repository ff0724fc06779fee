/**
 * Where JSON text breaks, for a message with a line and column. Browsers' JSON.parse errors
 * differ and often give no position ("Unexpected token 'a' … is not valid JSON"), so this
 * small scanner walks the grammar (RFC 8259) and stops at the first thing that does not fit.
 * Used only after JSON.parse failed: it never builds values.
 */
export type JsonSyntaxError = { message: string; offset: number; line: number; column: number };

class Stop extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop(message, at);
  };
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `"${text[at]}"`);
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Unexpected ${describe(i)}: expected a value (a string in double quotes, a number, true, false, null, an object or an array)`);
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("Invalid \\u escape: expected four hex digits", i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`Invalid escape "\\${e ?? ""}" in a string`, i);
        continue;
      }
      if (c < " ") fail(c === "\n" ? "A string cannot span lines: close it with \" or write \\n" : "Control character in a string", i);
      i++;
    }
    fail("This string is never closed: a \" is missing", start);
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`Invalid number starting with ${describe(i)}`);
    else i += match[0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "'") fail("Strings must use double quotes (\"), not single quotes");
    fail(`Unexpected ${describe(i)}: expected a value`);
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(text[i] === "}" ? "Trailing comma before }" : `Expected a property name in double quotes, found ${describe(i)}`);
      string();
      skipSpace();
      if (text[i] !== ":") fail(`Expected ":" after the property name, found ${describe(i)}`);
      i++;
      value();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail(`Expected "," or "}" after a property value, found ${describe(i)}`);
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === "]") fail("Trailing comma before ]");
      value();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail(`Expected "," or "]" after an array element, found ${describe(i)}`);
    }
  };

  try {
    skipSpace();
    if (i >= text.length) fail("The text is empty");
    value();
    skipSpace();
    if (i < text.length) fail(`Unexpected ${describe(i)} after the JSON value`);
    return null;
  } catch (error) {
    // Nesting deep enough to exhaust the stack: no location, the caller keeps the parser's message.
    if (!(error instanceof Stop)) return null;
    return { message: error.message, offset: error.offset, ...lineAndColumn(text, error.offset) };
  }
}

/** 1-based line and column of an offset (columns count UTF-16 units, as editors mostly do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

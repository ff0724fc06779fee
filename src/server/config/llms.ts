// LLMTEAM_LLMS: the LLM refs a segment's `llm_ref` may name, besides the built-in `mock`.
// The value is JSON text or the path of a JSON file:
//   { "gpt4": { "provider": "openai", "model": "gpt-4o", "api_key_env": "OPENAI_API_KEY",
//               "price": { "input_per_million": 2.5, "output_per_million": 10 } } }
// Keys never live in this JSON: a ref names the environment variable that holds its key.
// Pure: the file reader and the environment lookup are injected (env.ts passes the real ones).
import { z } from "zod";

export const LLM_PROVIDERS = ["openai-compatible", "openai", "anthropic"] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

const VARIABLE = "LLMTEAM_LLMS";
const RESERVED_REFS = new Set(["mock"]);
const REF_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where openai / anthropic look for their key when a ref names none (the providers' own convention). */
export const DEFAULT_API_KEY_ENV: Partial<Record<LlmProvider, string>> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const refSchema = z.strictObject({
  provider: z.enum(LLM_PROVIDERS, { error: `must be one of ${LLM_PROVIDERS.join(", ")}` }),
  model: z.string({ error: "is required (the provider's model id)" }).min(1, "must not be empty"),
  base_url: httpUrl.optional(),
  api_key_env: z
    .string()
    // The message never repeats the value: it may be a key pasted by mistake.
    .regex(ENV_NAME, "must be the NAME of an environment variable holding the key (letters, digits, _), not the key itself")
    .optional(),
  price: z
    .strictObject({
      input_per_million: z.number().min(0, "must be ≥ 0"),
      output_per_million: z.number().min(0, "must be ≥ 0"),
    })
    .optional(),
  headers: z.record(z.string(), z.string()).optional(),
  default_temperature: z.number().min(0).max(2).optional(),
  default_max_tokens: z.int().min(1).optional(),
});

export interface LlmPrice {
  /** USD per 1M input tokens. */
  input_per_million: number;
  /** USD per 1M output tokens. */
  output_per_million: number;
}

export interface LlmRefConfig {
  /** The name steps use as `llm_ref`. */
  ref: string;
  provider: LlmProvider;
  model: string;
  base_url?: string;
  /** The variable the key came from (for messages); undefined: the ref sends no key. */
  api_key_env?: string;
  price?: LlmPrice;
  headers?: Readonly<Record<string, string>>;
  default_temperature?: number;
  default_max_tokens?: number;
  /** The key's value, behind a function so that logging or serializing the config never shows it. */
  apiKey(): string | undefined;
}

/** Every problem found in LLMTEAM_LLMS, each starting with the variable's name. */
export class LlmConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "LlmConfigError";
  }
}

export type ReadTextFile = (path: string) => string;
export type EnvLookup = (name: string) => string | undefined;

const problem = (text: string) => `${VARIABLE}: ${text}`;
const refProblem = (ref: string, text: string) => problem(`ref "${ref}": ${text}`);

/** A hint for the keys people most often put in by mistake. */
function hintFor(key: string): string {
  if (/^(api_?key|apiKey|key|token|secret)$/i.test(key)) {
    return `unknown key "${key}": keys never go in ${VARIABLE}; put the key in an environment variable and name it in "api_key_env"`;
  }
  if (key === "baseURL" || key === "baseUrl") return `unknown key "${key}": did you mean "base_url"?`;
  return `unknown key "${key}"`;
}

function issueText(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return issue.keys.map((key) => prefix + hintFor(key));
  }
  const where = issue.path.length > 0 ? `${issue.path.join(".")} ` : "";
  return [`${where}${issue.message}`.trim()];
}

function readSource(raw: string, readFile: ReadTextFile): { text: string; origin: string } | { error: string } {
  const trimmed = raw.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return { text: trimmed, origin: "" };
  try {
    return { text: readFile(trimmed), origin: ` (file "${trimmed}")` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
    return { error: problem(`cannot read the file "${trimmed}" (${reason}); set it to JSON text or the path of a JSON file`) };
  }
}

function parseRef(ref: string, value: unknown, env: EnvLookup): { config?: LlmRefConfig; problems: string[] } {
  const problems: string[] = [];
  if (!REF_NAME.test(ref)) {
    problems.push(refProblem(ref, "a ref name must match ^[a-z0-9][a-z0-9_-]*$ (lower case, digits, _ and -)"));
  } else if (RESERVED_REFS.has(ref)) {
    problems.push(refProblem(ref, "is reserved for the built-in offline mock; choose another name"));
  }
  const parsed = refSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) for (const text of issueText(issue)) problems.push(refProblem(ref, text));
    return { problems };
  }
  const data = parsed.data;
  if (data.provider === "openai-compatible" && data.base_url === undefined) {
    problems.push(refProblem(ref, "base_url is required for provider openai-compatible"));
  }
  const keyEnv = data.api_key_env ?? DEFAULT_API_KEY_ENV[data.provider];
  const key = keyEnv === undefined ? undefined : env(keyEnv);
  if (keyEnv !== undefined && (key === undefined || key === "")) {
    const named = data.api_key_env === undefined ? `the key for provider ${data.provider} is read from ${keyEnv}` : `api_key_env names ${keyEnv}`;
    problems.push(refProblem(ref, `${named}, which is not set`));
  }
  if (problems.length > 0) return { problems };
  const config: LlmRefConfig = {
    ref,
    provider: data.provider,
    model: data.model,
    ...(data.base_url === undefined ? {} : { base_url: data.base_url }),
    ...(keyEnv === undefined ? {} : { api_key_env: keyEnv }),
    ...(data.price === undefined ? {} : { price: Object.freeze({ ...data.price }) }),
    ...(data.headers === undefined ? {} : { headers: Object.freeze({ ...data.headers }) }),
    ...(data.default_temperature === undefined ? {} : { default_temperature: data.default_temperature }),
    ...(data.default_max_tokens === undefined ? {} : { default_max_tokens: data.default_max_tokens }),
    apiKey: () => key,
  };
  return { config: Object.freeze(config), problems };
}

/**
 * Parses LLMTEAM_LLMS (JSON text, or the path of a JSON file read with `readFile`) and checks
 * that every named key variable is set (looked up with `env`). Unset or blank: no refs.
 * Throws LlmConfigError listing every problem, naming the ref; never includes a key's value.
 */
export function parseLlmConfig(raw: string | undefined, readFile: ReadTextFile, env: EnvLookup): LlmRefConfig[] {
  if (raw === undefined || raw.trim() === "") return [];
  const source = readSource(raw, readFile);
  if ("error" in source) throw new LlmConfigError([source.error]);
  let document: unknown;
  try {
    document = JSON.parse(source.text);
  } catch (error) {
    // V8 quotes an excerpt of the text (`..., "<excerpt>" is not valid JSON`): drop it, a
    // key pasted into the JSON by mistake must not end up in a log.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/,\s*".*" is not valid JSON$/s, "");
    throw new LlmConfigError([problem(`invalid JSON${source.origin}: ${reason}`)]);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new LlmConfigError([problem(`must be a JSON object of ref name → settings${source.origin}`)]);
  }
  const refs: LlmRefConfig[] = [];
  const problems: string[] = [];
  for (const [ref, value] of Object.entries(document)) {
    const result = parseRef(ref, value, env);
    problems.push(...result.problems);
    if (result.config) refs.push(result.config);
  }
  if (problems.length > 0) throw new LlmConfigError(problems);
  return refs;
}

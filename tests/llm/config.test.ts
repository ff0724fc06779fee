import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/server/config/env";
import { LlmConfigError, parseLlmConfig, type EnvLookup, type ReadTextFile } from "../../src/server/config/llms";

const SECRET = "sk-test-0123456789abcdef";
const noFile: ReadTextFile = (file) => {
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: "ENOENT" });
};
const envOf =
  (vars: Record<string, string>): EnvLookup =>
  (name) =>
    vars[name];

function problemsOf(raw: string, env: EnvLookup = envOf({}), readFile: ReadTextFile = noFile): string[] {
  try {
    parseLlmConfig(raw, readFile, env);
  } catch (error) {
    expect(error).toBeInstanceOf(LlmConfigError);
    return (error as LlmConfigError).problems;
  }
  throw new Error("expected an LlmConfigError");
}

const json = (value: unknown) => JSON.stringify(value);

describe("LLMTEAM_LLMS parsing", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "llmteam-llms-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("unset-or-blank-means-no-refs", () => {
    expect(parseLlmConfig(undefined, noFile, envOf({}))).toEqual([]);
    expect(parseLlmConfig("  ", noFile, envOf({}))).toEqual([]);
  });

  it("json-text-gives-one-ref-per-name-with-its-key-resolved-from-the-named-variable", () => {
    const refs = parseLlmConfig(
      json({
        gpt4: {
          provider: "openai",
          model: "gpt-4o",
          api_key_env: "MY_OPENAI_KEY",
          price: { input_per_million: 2.5, output_per_million: 10 },
        },
        local: { provider: "openai-compatible", model: "llama3", base_url: "http://localhost:11434/v1", default_max_tokens: 256 },
        claude: { provider: "anthropic", model: "claude-sonnet-4-5" },
      }),
      noFile,
      envOf({ MY_OPENAI_KEY: SECRET, ANTHROPIC_API_KEY: "sk-ant-x" }),
    );
    expect(refs.map((r) => r.ref)).toEqual(["gpt4", "local", "claude"]);
    const [gpt4, local, claude] = refs;
    expect(gpt4).toMatchObject({ provider: "openai", model: "gpt-4o", api_key_env: "MY_OPENAI_KEY", price: { input_per_million: 2.5, output_per_million: 10 } });
    expect(gpt4?.apiKey()).toBe(SECRET);
    // openai-compatible without api_key_env sends no key
    expect(local).toMatchObject({ base_url: "http://localhost:11434/v1", default_max_tokens: 256 });
    expect(local?.api_key_env).toBeUndefined();
    expect(local?.apiKey()).toBeUndefined();
    // openai / anthropic default to the providers' usual variable
    expect(claude?.api_key_env).toBe("ANTHROPIC_API_KEY");
    expect(claude?.apiKey()).toBe("sk-ant-x");
  });

  it("the-key-never-shows-when-the-config-is-serialized-or-printed", () => {
    const refs = parseLlmConfig(json({ gpt4: { provider: "openai", model: "gpt-4o", api_key_env: "K" } }), noFile, envOf({ K: SECRET }));
    expect(JSON.stringify(refs)).not.toContain(SECRET);
    expect(String(refs[0]?.apiKey)).not.toContain(SECRET);
  });

  it("a-path-is-read-as-a-json-file", () => {
    const file = path.join(dir, "llms.json");
    writeFileSync(file, json({ fake: { provider: "openai-compatible", model: "m", base_url: "http://127.0.0.1:9/v1" } }));
    const refs = parseLlmConfig(file, (p) => readFileSync(p, "utf8"), envOf({}));
    expect(refs.map((r) => r.ref)).toEqual(["fake"]);
  });

  it("a-missing-file-names-the-variable-and-the-path", () => {
    expect(problemsOf("/nope/llms.json")).toEqual([
      'LLMTEAM_LLMS: cannot read the file "/nope/llms.json" (ENOENT); set it to JSON text or the path of a JSON file',
    ]);
  });

  it("invalid-json-is-reported-without-quoting-the-text", () => {
    const problems = problemsOf(`{"gpt4": {"provider": "openai", "model": "x", "api_key": "${SECRET}" }`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^LLMTEAM_LLMS: invalid JSON: /);
    expect(problems[0]).not.toContain(SECRET);
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    expect(problemsOf(file, envOf({}), (p) => readFileSync(p, "utf8"))[0]).toMatch(/^LLMTEAM_LLMS: invalid JSON \(file ".*broken\.json"\): /);
  });

  it("not-an-object-is-refused", () => {
    expect(problemsOf("[1, 2]")).toEqual(["LLMTEAM_LLMS: must be a JSON object of ref name → settings"]);
  });

  it("unknown-provider-names-the-ref", () => {
    const problems = problemsOf(json({ gpt4: { provider: "cohere", model: "x" } }));
    expect(problems).toEqual(['LLMTEAM_LLMS: ref "gpt4": provider must be one of openai-compatible, openai, anthropic']);
  });

  it("missing-base_url-for-openai-compatible", () => {
    expect(problemsOf(json({ gpt4: { provider: "openai-compatible", model: "x" } }))).toEqual([
      'LLMTEAM_LLMS: ref "gpt4": base_url is required for provider openai-compatible',
    ]);
    expect(problemsOf(json({ gpt4: { provider: "openai-compatible", model: "x", base_url: "ftp://host" } }))[0]).toBe(
      'LLMTEAM_LLMS: ref "gpt4": base_url must be an http:// or https:// URL',
    );
  });

  it("reserved-mock-and-bad-ref-names-are-refused", () => {
    const ok = { provider: "openai-compatible", model: "x", base_url: "http://h/v1" };
    expect(problemsOf(json({ mock: ok }))).toEqual(['LLMTEAM_LLMS: ref "mock": is reserved for the built-in offline mock; choose another name']);
    expect(problemsOf(json({ "GPT 4": ok }))[0]).toMatch(/^LLMTEAM_LLMS: ref "GPT 4": a ref name must match/);
  });

  it("missing-key-variable-names-the-ref-and-the-variable", () => {
    expect(problemsOf(json({ gpt4: { provider: "openai", model: "gpt-4o", api_key_env: "OPENAI_KEY" } }))).toEqual([
      'LLMTEAM_LLMS: ref "gpt4": api_key_env names OPENAI_KEY, which is not set',
    ]);
    expect(problemsOf(json({ claude: { provider: "anthropic", model: "c" } }), envOf({ ANTHROPIC_API_KEY: "" }))).toEqual([
      'LLMTEAM_LLMS: ref "claude": the key for provider anthropic is read from ANTHROPIC_API_KEY, which is not set',
    ]);
  });

  it("a-key-pasted-where-a-variable-name-belongs-is-refused-without-echoing-it", () => {
    const problems = problemsOf(
      json({
        a: { provider: "openai", model: "m", api_key_env: SECRET },
        b: { provider: "openai", model: "m", api_key: SECRET },
      }),
      envOf({ OPENAI_API_KEY: "k" }),
    );
    expect(problems).toEqual([
      'LLMTEAM_LLMS: ref "a": api_key_env must be the NAME of an environment variable holding the key (letters, digits, _), not the key itself',
      'LLMTEAM_LLMS: ref "b": unknown key "api_key": keys never go in LLMTEAM_LLMS; put the key in an environment variable and name it in "api_key_env"',
    ]);
    expect(problems.join("\n")).not.toContain(SECRET);
  });

  it("every-problem-of-every-ref-is-reported-at-once", () => {
    const problems = problemsOf(
      json({
        a: { provider: "openai", price: { input_per_million: -1, output_per_million: 1 } },
        b: { provider: "openai-compatible", model: "m", base_url: "http://h/v1", default_temperature: 3 },
      }),
      envOf({ OPENAI_API_KEY: "k" }),
    );
    expect(problems.some((p) => p.startsWith('LLMTEAM_LLMS: ref "a": model'))).toBe(true);
    expect(problems).toContain('LLMTEAM_LLMS: ref "a": price.input_per_million must be ≥ 0');
    expect(problems.some((p) => p.startsWith('LLMTEAM_LLMS: ref "b": default_temperature'))).toBe(true);
  });
});

describe("LLMTEAM_LLMS in the server configuration", () => {
  it("config.llms comes from LLMTEAM_LLMS and keys from the variables it names", () => {
    const config = parseConfig({
      LLMTEAM_LLMS: json({ gpt4: { provider: "openai", model: "gpt-4o", api_key_env: "TEAM_OPENAI_KEY" } }),
      TEAM_OPENAI_KEY: SECRET,
    });
    expect(config.llms.map((r) => [r.ref, r.model, r.apiKey()])).toEqual([["gpt4", "gpt-4o", SECRET]]);
    expect(parseConfig({}).llms).toEqual([]);
  });

  it("a-missing-key-variable-is-a-startup-error-naming-the-ref-and-variable-without-any-value", () => {
    let error: unknown;
    try {
      parseConfig({
        LLMTEAM_LLMS: json({ gpt4: { provider: "openai", model: "gpt-4o", api_key_env: "TEAM_OPENAI_KEY" } }),
        TEAM_OPENAI_KEY: "",
        OTHER_KEY: SECRET,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['LLMTEAM_LLMS: ref "gpt4": api_key_env names TEAM_OPENAI_KEY, which is not set']);
    expect((error as ConfigError).message).toContain('LLMTEAM_LLMS: ref "gpt4"');
    expect((error as ConfigError).message).not.toContain(SECRET);
  });
});

/**
 * One line that says what a step does, from its config. Per type for the known types,
 * the first short text setting for the rest. Never throws on odd configs.
 */
const MAX_LENGTH = 90;

type Config = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim().replace(/\s+/g, " ") : undefined;

const SUMMARIES: Record<string, (config: Config) => string | undefined> = {
  llm_agent: (c) => joinParts([text(c.llm_ref), firstWords(text(c.system_prompt), 8)]),
  transform: (c) => text(c.expression),
  condition: (c) => text(c.expression),
  http_request: (c) => joinParts([text(c.method)?.toUpperCase() ?? (text(c.url) ? "GET" : undefined), text(c.url)], " "),
  human_approval: (c) => text(c.title) ?? text(c.instructions),
  critic_loop: (c) => {
    const role = (r: unknown) => (r && typeof r === "object" ? text((r as Config).llm_ref) : undefined);
    const models = joinParts([role(c.generator), role(c.critic)], " ⇄ ");
    const rounds = typeof c.max_iterations === "number" ? `≤ ${c.max_iterations} rounds` : undefined;
    return joinParts([models, rounds]);
  },
  delay: (c) =>
    typeof c.seconds === "number" ? `wait ${c.seconds} s` : text(c.until) ? `until ${text(c.until)}` : undefined,
  map: (c) => joinParts([text(c.items) ? `each of ${text(c.items)}` : undefined, childSegment(c)], " → "),
  subsegment: (c) => childSegment(c),
};

function childSegment(config: Config): string | undefined {
  const id = text(config.segment_id);
  if (id === undefined) return undefined;
  return typeof config.revision === "number" ? `${id} (rev ${config.revision})` : id;
}

export function configSummary(type: string, config: unknown): string | undefined {
  const safe: Config = config && typeof config === "object" && !Array.isArray(config) ? (config as Config) : {};
  const summary = SUMMARIES[type]?.(safe) ?? firstTextSetting(safe);
  return summary === undefined ? undefined : truncate(summary, MAX_LENGTH);
}

function joinParts(parts: (string | undefined)[], separator = " · "): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined);
  return present.length ? present.join(separator) : undefined;
}

function firstWords(value: string | undefined, count: number): string | undefined {
  if (value === undefined) return undefined;
  const words = value.split(" ");
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : value;
}

function firstTextSetting(config: Config): string | undefined {
  for (const [key, value] of Object.entries(config)) {
    const found = text(value);
    if (found !== undefined) return `${key}: ${found}`;
  }
  return undefined;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** The run input fields declared by the segment's input_schema (JSON Schema), read-only. */
type Field = { name: string; title?: string; type?: string; required: boolean; defaultValue?: unknown };

export function InputFields({ schema }: { schema: Record<string, unknown> | undefined }) {
  const fields = readFields(schema);
  if (fields.length === 0) {
    return <p className="text-[13px] text-slate-500">{schema ? "No named input fields." : "Takes any input."}</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
      {fields.map((f) => (
        <li key={f.name} className="px-3 py-2">
          <div className="flex items-center gap-2">
            <code className="font-mono text-[12px] font-medium text-slate-900">{f.name}</code>
            {f.type && <span className="text-[11px] text-slate-400">{f.type}</span>}
            {f.required && (
              <span className="ml-auto rounded bg-rose-50 px-1.5 text-[10px] font-medium text-rose-700 uppercase">required</span>
            )}
          </div>
          {(f.title || f.defaultValue !== undefined) && (
            <div className="mt-0.5 truncate text-[12px] text-slate-500">
              {f.title}
              {f.title && f.defaultValue !== undefined && " · "}
              {f.defaultValue !== undefined && `default ${JSON.stringify(f.defaultValue)}`}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readFields(schema: Record<string, unknown> | undefined): Field[] {
  if (!schema || !isRecord(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, raw]) => {
    const prop = isRecord(raw) ? raw : {};
    const field: Field = { name, required: required.includes(name) };
    if (typeof prop.title === "string") field.title = prop.title;
    if (typeof prop.type === "string") field.type = prop.type;
    if ("default" in prop) field.defaultValue = prop.default;
    return field;
  });
}

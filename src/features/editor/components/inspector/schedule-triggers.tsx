"use client";
/**
 * Cron schedules in the segment's settings: each starts runs of the latest saved revision with a
 * fixed input. Rows show the pattern, its zone and the next three fires (in that zone), the last
 * run or why it did not start; they can be paused, resumed and deleted. The form adds one, with
 * common presets; the server validates the pattern and the zone and says what is wrong.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TrashIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/client";
import { CRON_PRESETS, formatFire, hasSeconds, timeZoneChoices } from "./schedule-presets";

type Schedule = {
  schedule_id: string;
  cron: string;
  timezone: string;
  input?: unknown;
  enabled: boolean;
  next_fires: string[];
  last_fired_at: string | null;
  last_run_id: string | null;
  last_error: string | null;
};

export function ScheduleTriggers({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.schedules.list.queryOptions({ segment_id: segmentId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.schedules.list.queryKey({ segment_id: segmentId }) });
  const update = useMutation(trpc.schedules.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.schedules.delete.mutationOptions({ onSuccess: refresh }));

  if (list.isPending) return <p className="text-[12px] text-slate-400">Loading…</p>;
  if (list.isError) return <p className="text-[12px] text-red-600">Could not load the schedules: {list.error.message}</p>;
  return (
    <div data-testid="schedule-triggers" className="space-y-3">
      {list.data.length === 0 ? <p className="text-[12px] leading-5 text-slate-600">Start runs on a timetable, with a fixed input.</p> : null}
      {list.data.map((schedule) => (
        <ScheduleRow
          key={schedule.schedule_id}
          schedule={schedule}
          busy={update.isPending || remove.isPending}
          onToggle={() => update.mutate({ schedule_id: schedule.schedule_id, cron: schedule.cron, timezone: schedule.timezone, input: schedule.input ?? {}, enabled: !schedule.enabled })}
          onDelete={() => remove.mutate({ schedule_id: schedule.schedule_id })}
        />
      ))}
      <AddSchedule segmentId={segmentId} onAdded={refresh} />
    </div>
  );
}

function ScheduleRow({ schedule, busy, onToggle, onDelete }: { schedule: Schedule; busy: boolean; onToggle: () => void; onDelete: () => void }) {
  const seconds = hasSeconds(schedule.cron);
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2" data-testid={`schedule-${schedule.schedule_id}`} data-enabled={schedule.enabled}>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate font-mono text-[12px] text-slate-800">{schedule.cron}</code>
        <span className="shrink-0 text-[11px] text-slate-500">{schedule.timezone}</span>
        <Button size="sm" variant="ghost" className="h-6 px-1.5 text-[11px]" disabled={busy} onClick={onToggle}>
          {schedule.enabled ? "Pause" : "Resume"}
        </Button>
        <Button size="sm" variant="ghost" iconOnly aria-label={`Delete the schedule ${schedule.cron}`} className="size-6 text-slate-500 hover:text-red-700" disabled={busy} icon={<TrashIcon className="size-3.5" />} onClick={onDelete} />
      </div>
      <p className="mt-1 text-[11px] leading-4 text-slate-500">
        {schedule.enabled ? `Next: ${schedule.next_fires.map((fire) => formatFire(fire, schedule.timezone, seconds)).join(" · ")}` : "Paused: it does not fire."}
      </p>
      {schedule.last_error ? (
        <p className="mt-1 text-[11px] leading-4 text-red-700">Last fire started no run: {schedule.last_error}</p>
      ) : schedule.last_run_id ? (
        <p className="mt-1 text-[11px] leading-4 text-slate-500">
          Last run:{" "}
          <Link href={`/runs/${schedule.last_run_id}`} className="font-medium text-indigo-700 hover:underline">
            {schedule.last_fired_at ? formatFire(schedule.last_fired_at, schedule.timezone, seconds) : "open"}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function AddSchedule({ segmentId, onAdded }: { segmentId: string; onAdded: () => void }) {
  const trpc = useTRPC();
  const zones = timeZoneChoices();
  const [cron, setCron] = useState("0 9 * * MON-FRI");
  const [timezone, setTimezone] = useState(zones[0] ?? "UTC");
  const [inputText, setInputText] = useState("{}");
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(trpc.schedules.create.mutationOptions());

  const submit = () => {
    let input: unknown;
    try {
      input = JSON.parse(inputText);
    } catch (error) {
      setProblem(`The input is not JSON: ${error instanceof Error ? error.message : "syntax error"}`);
      return;
    }
    setProblem(null);
    create.mutate(
      { segment_id: segmentId, cron, timezone, input },
      { onSuccess: onAdded, onError: (error) => setProblem(error.message) },
    );
  };

  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3" data-testid="add-schedule">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="schedule-cron" className="text-[12px] font-medium text-slate-700">
            Cron
          </label>
          <input id="schedule-cron" value={cron} onChange={(e) => setCron(e.target.value)} className="mt-1 h-8 w-full rounded-md border border-slate-200 bg-white px-2 font-mono text-[12px]" />
        </div>
        <select aria-label="Preset" className="h-8 w-24 shrink-0 rounded-md border border-slate-200 bg-white px-1 text-[12px]" value="" onChange={(e) => e.target.value && setCron(e.target.value)}>
          <option value="">Presets…</option>
          {CRON_PRESETS.map((p) => (
            <option key={p.cron} value={p.cron}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="schedule-timezone" className="text-[12px] font-medium text-slate-700">
          Time zone
        </label>
        <select id="schedule-timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)} className="mt-1 h-8 w-full rounded-md border border-slate-200 bg-white px-2 text-[12px]">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="schedule-input" className="text-[12px] font-medium text-slate-700">
          Run input (JSON)
        </label>
        <textarea id="schedule-input" rows={2} value={inputText} onChange={(e) => setInputText(e.target.value)} className="mt-1 w-full rounded-md border border-slate-200 bg-white px-2 py-1 font-mono text-[12px]" />
      </div>
      {problem ? (
        <p role="alert" className="text-[12px] text-red-700">
          {problem}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <p className="text-[12px] leading-snug text-slate-500">minute hour day month weekday; 6 fields for seconds.</p>
        <Button size="sm" loading={create.isPending} onClick={submit}>
          Add schedule
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/field";
import { XIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { RUN_STATUSES, type RunStatus } from "@/shared/resources/run-resource";
import type { RunFilters } from "./hooks/use-run-filters";
import { useSegmentOptions } from "./hooks/use-segment-options";
import { RUN_STATUS_LABEL } from "./run-status-badge";

type RunsFiltersProps = {
  filters: RunFilters;
  active: boolean;
  onStatus: (status: RunStatus | undefined) => void;
  onSegment: (segmentId: string | undefined) => void;
  onClear: () => void;
};

export function RunsFilters({ filters, active, onStatus, onSegment, onClear }: RunsFiltersProps) {
  const id = useId();
  const segments = useSegmentOptions();
  const options = segments.data ?? [];
  // A segment in the URL that is not in the list (deleted, or still loading) stays selectable.
  const unknownSegment = filters.segmentId && !options.some((o) => o.id === filters.segmentId) ? filters.segmentId : null;

  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter runs">
      <div className="space-y-1">
        <Label htmlFor={`${id}-status`} className="text-xs font-medium text-slate-500">
          Status
        </Label>
        <Select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(event) => onStatus((event.target.value || undefined) as RunStatus | undefined)}
          className="w-44"
        >
          <option value="">All statuses</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {RUN_STATUS_LABEL[status]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${id}-segment`} className="text-xs font-medium text-slate-500">
          Segment
        </Label>
        <Select
          id={`${id}-segment`}
          value={filters.segmentId ?? ""}
          onChange={(event) => onSegment(event.target.value || undefined)}
          className="w-60"
          disabled={segments.isPending && !unknownSegment}
        >
          <option value="">All segments</option>
          {unknownSegment ? <option value={unknownSegment}>{unknownSegment}</option> : null}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </Select>
      </div>
      {active ? (
        <Button variant="ghost" icon={<XIcon />} onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

"use client";
import type { ReactNode } from "react";
import { Spinner } from "./spinner";
import { useDelayedFlag } from "./use-delayed-flag";

/** Common practice for busy indicators: what answers faster than this feels immediate. */
const SPINNER_DELAY_MS = 300;

/**
 * A button's icon, replaced by a spinner while `busy` lasts longer than SPINNER_DELAY_MS: a quick
 * answer shows none (no flash, and no animation competing with what the answer brings, e.g. the
 * next step of a run right after a decision).
 */
export function BusyIcon({ busy, icon }: { busy: boolean; icon?: ReactNode }) {
  const spinning = useDelayedFlag(busy, SPINNER_DELAY_MS);
  return spinning ? <Spinner /> : (icon ?? null);
}

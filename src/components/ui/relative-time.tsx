"use client";
import { formatAbsoluteTime, formatRelativeTime } from "./format-time";
import { useNow } from "./use-now";

/** "5 minutes ago", with the exact date and time on hover. */
export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={value} title={formatAbsoluteTime(value)} className={className} suppressHydrationWarning>
      {formatRelativeTime(value, now)}
    </time>
  );
}

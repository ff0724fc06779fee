"use client";
import { Button } from "@/components/ui/button";
import { ShieldAlertIcon, XIcon } from "@/components/ui/icons";
import { useSessionFlag } from "./hooks/use-session-flag";
import { useSystemInfo } from "./hooks/use-system-info";

export const AUTH_OFF_MESSAGE = "Access control is off: anyone who can reach this server acts as the local owner.";

/** A quiet warning under the top bar while the server runs without access control. */
export function AuthOffBanner() {
  const info = useSystemInfo();
  const [dismissed, dismiss] = useSessionFlag("llmteam:auth-off-banner-dismissed");
  if (info.data?.auth !== "off" || dismissed) return null;
  return (
    <div role="region" aria-label="Security notice" className="border-b border-amber-200/80 bg-amber-50">
      <div className="mx-auto flex max-w-6xl items-center gap-2.5 px-4 py-1.5 text-[13px] text-amber-900 sm:px-6">
        <ShieldAlertIcon className="size-4 shrink-0 text-amber-600" />
        <p className="min-w-0 flex-1">{AUTH_OFF_MESSAGE}</p>
        <Button
          variant="ghost"
          size="sm"
          iconOnly
          aria-label="Dismiss access control warning"
          onClick={dismiss}
          className="size-7 text-amber-700 hover:bg-amber-100 hover:text-amber-900"
          icon={<XIcon className="size-3.5" />}
        />
      </div>
    </div>
  );
}

import type { ReactNode } from "react";
import { StandalonePageFrame } from "@/features/shell/standalone-page-frame";

/** The page around the approval card: the product's mark, a calm background, a centred column. */
export function LinkPageFrame({ children }: { children: ReactNode }) {
  return <StandalonePageFrame>{children}</StandalonePageFrame>;
}

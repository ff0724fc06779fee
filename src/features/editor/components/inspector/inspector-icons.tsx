// Icons of the inspector, drawn like src/components/ui/icons (24×24, 2px stroke, lucide-style).
import { defineIcon as icon } from "@/components/ui/icons";
export { SlidersIcon } from "@/components/ui/icons";
export { CopyIcon } from "@/components/ui/icons";

export const FlagIcon = icon(<path d="M4 22V4a1 1 0 0 1 .4-.8A6 6 0 0 1 8 2c3 0 5 2 7.3 2a6 6 0 0 0 4.7-2v12a6 6 0 0 1-4.7 2C13 16 11 14 8 14a6 6 0 0 0-4 1.5" />, "FlagIcon");
export const FrameIcon = icon(
  <>
    <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="4 3" />
    <path d="M8 8h8v8H8z" />
  </>,
  "FrameIcon",
);
export const ArrowLeftIcon = icon(<path d="M19 12H5M12 19l-7-7 7-7" />, "ArrowLeftIcon");
export const LinkIcon = icon(
  <>
    <path d="M4 7h6a4 4 0 0 1 4 4v2a4 4 0 0 0 4 4h2" />
    <path d="M18 14l3 3-3 3" />
  </>,
  "LinkIcon",
);

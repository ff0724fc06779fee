// Stroke icons for the canvas chrome (24×24, lucide-style), inline so nothing is fetched.
import { defineIcon as icon } from "@/components/ui/icons";
export { CopyIcon } from "@/components/ui/icons";

export { TrashIcon } from "@/components/ui/icons";

export { PlusIcon } from "@/components/ui/icons";

export const UndoIcon = icon(<path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />, "UndoIcon");
export const RedoIcon = icon(<path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />, "RedoIcon");
export const LayoutIcon = icon(
  <>
    <rect x="2" y="4" width="6" height="5" rx="1" />
    <rect x="16" y="3" width="6" height="5" rx="1" />
    <rect x="16" y="16" width="6" height="5" rx="1" />
    <path d="M8 6.5h4v12h4M12 5.5h4" />
  </>,
  "LayoutIcon",
);
export const FitIcon = icon(<path d="M4 9V5a1 1 0 0 1 1-1h4M15 4h4a1 1 0 0 1 1 1v4M20 15v4a1 1 0 0 1-1 1h-4M9 20H5a1 1 0 0 1-1-1v-4" />, "FitIcon");
export const ZoomInIcon = icon(<path d="M12 5v14M5 12h14" />, "ZoomInIcon");
export const ZoomOutIcon = icon(<path d="M5 12h14" />, "ZoomOutIcon");
export const HelpIcon = icon(
  <>
    <circle cx="12" cy="12" r="9.5" />
    <path d="M9.3 9a2.8 2.8 0 0 1 5.4 1c0 1.9-2.7 2.6-2.7 2.6M12 17h.01" />
  </>,
  "HelpIcon",
);
export const PanelLeftIcon = icon(
  <>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <path d="M9 3v18" />
  </>,
  "PanelLeftIcon",
);
export const ChevronsLeftIcon = icon(<path d="m11 17-5-5 5-5M18 17l-5-5 5-5" />, "ChevronsLeftIcon");
export const PlayFlagIcon = icon(<path d="M6 4v16M6 4l12 6-12 6" />, "PlayFlagIcon");
export const DuplicateIcon = icon(
  <>
    <rect x="8" y="8" width="13" height="13" rx="2" />
    <path d="M4 16V4h12M14.5 11.5v6M11.5 14.5h6" />
  </>,
  "DuplicateIcon",
);
export const GroupIcon = icon(
  <>
    <rect x="3" y="3" width="18" height="18" rx="3" strokeDasharray="3 3" />
    <rect x="7" y="8" width="10" height="8" rx="1.5" />
  </>,
  "GroupIcon",
);
export const UngroupIcon = icon(
  <>
    <rect x="3" y="5" width="8" height="7" rx="1.5" />
    <rect x="13" y="12" width="8" height="7" rx="1.5" />
  </>,
  "UngroupIcon",
);
export const PasteIcon = icon(
  <>
    <rect x="8" y="2" width="8" height="4" rx="1" />
    <path d="M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2" />
  </>,
  "PasteIcon",
);
export const SelectAllIcon = icon(<path d="M5 3a2 2 0 0 0-2 2M19 3a2 2 0 0 1 2 2M21 19a2 2 0 0 1-2 2M5 21a2 2 0 0 1-2-2M9 3h1M9 21h1M14 3h1M14 21h1M3 9v1M21 9v1M3 14v1M21 14v1" />, "SelectAllIcon");
export const MapIcon = icon(
  <>
    <path d="M9 4 3 6.5v13.5l6-2.5 6 2.5 6-2.5V4l-6 2.5z" />
    <path d="M9 4v13.5M15 6.5V20" />
  </>,
  "MapIcon",
);

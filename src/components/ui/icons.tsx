// A few stroke icons (24×24 grid, 2px stroke, lucide-style), inline so nothing is fetched.
import type { ReactNode, SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement>;

/** Makes an icon component from its SVG content; feature folders define their own icons with it. */
export function defineIcon(children: ReactNode, displayName: string) {
  function Icon({ className = "size-4", ...rest }: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        className={className}
        {...rest}
      >
        {children}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

export const PlusIcon = defineIcon(<path d="M12 5v14M5 12h14" />, "PlusIcon");
export const SearchIcon = defineIcon(
  <>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </>,
  "SearchIcon",
);
export const MoreHorizontalIcon = defineIcon(
  <>
    <circle cx="5" cy="12" r="1" />
    <circle cx="12" cy="12" r="1" />
    <circle cx="19" cy="12" r="1" />
  </>,
  "MoreHorizontalIcon",
);
export const PencilIcon = defineIcon(
  <>
    <path d="M17 3a2.85 2.85 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z" />
    <path d="m15 5 4 4" />
  </>,
  "PencilIcon",
);
export const TrashIcon = defineIcon(
  <>
    <path d="M3 6h18" />
    <path d="M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6" />
    <path d="M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" />
  </>,
  "TrashIcon",
);
export const ArrowUpRightIcon = defineIcon(<path d="M7 17 17 7M7 7h10v10" />, "ArrowUpRightIcon");
export const XIcon = defineIcon(<path d="M18 6 6 18M6 6l12 12" />, "XIcon");
export const ChevronDownIcon = defineIcon(<path d="m6 9 6 6 6-6" />, "ChevronDownIcon");
export const AlertTriangleIcon = defineIcon(
  <>
    <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z" />
    <path d="M12 9v4M12 17h.01" />
  </>,
  "AlertTriangleIcon",
);
export const AlertCircleIcon = defineIcon(
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="M12 8v4M12 16h.01" />
  </>,
  "AlertCircleIcon",
);
export const CheckCircleIcon = defineIcon(
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="m9 12 2 2 4-4" />
  </>,
  "CheckCircleIcon",
);
export const DatabaseIcon = defineIcon(
  <>
    <ellipse cx="12" cy="5" rx="9" ry="3" />
    <path d="M3 5v14a9 3 0 0 0 18 0V5" />
    <path d="M3 12a9 3 0 0 0 18 0" />
  </>,
  "DatabaseIcon",
);
export const WorkflowIcon = defineIcon(
  <>
    <rect x="3" y="3" width="8" height="8" rx="2" />
    <path d="M7 11v4a2 2 0 0 0 2 2h4" />
    <rect x="13" y="13" width="8" height="8" rx="2" />
  </>,
  "WorkflowIcon",
);
export const ActivityIcon = defineIcon(<path d="M22 12h-4l-3 9L9 3l-3 9H2" />, "ActivityIcon");
export const RefreshIcon = defineIcon(
  <>
    <path d="M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8" />
    <path d="M21 3v5h-5" />
    <path d="M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16" />
    <path d="M8 16H3v5" />
  </>,
  "RefreshIcon",
);
export const CompassIcon = defineIcon(
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="m16.24 7.76-2.12 6.36-6.36 2.12 2.12-6.36 6.36-2.12Z" />
  </>,
  "CompassIcon",
);
export const ShieldAlertIcon = defineIcon(
  <>
    <path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1Z" />
    <path d="M12 8v4M12 16h.01" />
  </>,
  "ShieldAlertIcon",
);
export const CopyIcon = defineIcon(
  <>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
  </>,
  "CopyIcon",
);
export const SlidersIcon = defineIcon(
  <>
    <path d="M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6" />
  </>,
  "SlidersIcon",
);

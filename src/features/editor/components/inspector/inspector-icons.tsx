// Icons of the inspector, drawn like src/components/ui/icons (24×24, 2px stroke, lucide-style).
import type { ReactNode, SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement>;

function icon(children: ReactNode, displayName: string) {
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

export const SlidersIcon = icon(
  <path d="M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6" />,
  "SlidersIcon",
);
export const FlagIcon = icon(<path d="M4 22V4a1 1 0 0 1 .4-.8A6 6 0 0 1 8 2c3 0 5 2 7.3 2a6 6 0 0 0 4.7-2v12a6 6 0 0 1-4.7 2C13 16 11 14 8 14a6 6 0 0 0-4 1.5" />, "FlagIcon");
export const CopyIcon = icon(
  <>
    <rect x="8" y="8" width="14" height="14" rx="2" />
    <path d="M4 16a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2" />
  </>,
  "CopyIcon",
);
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

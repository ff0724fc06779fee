import type { StepAppearance } from "../lib/step-appearance";

/** The type's glyph on a tinted tile. */
export function StepIcon({ appearance, size = "md" }: { appearance: StepAppearance; size?: "sm" | "md" }) {
  const box = size === "sm" ? "h-7 w-7 rounded-md" : "h-8 w-8 rounded-lg";
  const glyph = size === "sm" ? 15 : 17;
  return (
    <span
      aria-hidden
      className={`flex shrink-0 items-center justify-center ${box}`}
      style={{ backgroundColor: appearance.tint, color: appearance.accent }}
    >
      <svg
        data-lod="glyph"
        width={glyph}
        height={glyph}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {appearance.icon.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  );
}

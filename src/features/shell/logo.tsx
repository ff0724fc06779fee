/** The product mark: three connected steps on an indigo tile. Decorative (the name is beside it). */
export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="llmteam-logo-gradient" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6366f1" />
          <stop offset="1" stopColor="#7c3aed" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#llmteam-logo-gradient)" />
      <path d="M10 10.5h12M10 10.5 16 21.5M22 10.5 16 21.5" stroke="#fff" strokeOpacity="0.55" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10" cy="10.5" r="3" fill="#fff" />
      <circle cx="22" cy="10.5" r="3" fill="#fff" />
      <circle cx="16" cy="21.5" r="3.2" fill="#fff" />
    </svg>
  );
}

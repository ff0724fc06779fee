// How the API reference (Scalar) is set up: everything served by this app, nothing fetched from
// a CDN or sent elsewhere (no web fonts, no telemetry, no AI agent, no hosted proxy), light
// theme in the app's colors.
import type { AnyApiReferenceConfiguration } from "@scalar/api-reference-react";

/** The app's palette (Tailwind slate/indigo) on Scalar's theme variables. */
const THEME_CSS = `
.scalar-app, .light-mode .scalar-app {
  /* The app's sticky top bar (h-14): Scalar's sticky sidebar and headers start below it. */
  --scalar-custom-header-height: 3.5rem;
  --scalar-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", "Inter", "DejaVu Sans", sans-serif;
  --scalar-font-code: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace;
  --scalar-color-1: #0f172a;
  --scalar-color-2: #475569;
  --scalar-color-3: #64748b;
  --scalar-color-accent: #4f46e5;
  --scalar-background-1: #ffffff;
  --scalar-background-2: #f8fafc;
  --scalar-background-3: #f1f5f9;
  --scalar-background-accent: #eef2ff;
  --scalar-border-color: #e2e8f0;
  --scalar-radius: 6px;
  --scalar-radius-lg: 8px;
  --scalar-sidebar-background-1: #f8fafc;
  --scalar-sidebar-item-active-background: #eef2ff;
  --scalar-sidebar-color-active: #4338ca;
  --scalar-sidebar-border-color: #e2e8f0;
  --scalar-sidebar-search-background: #ffffff;
  --scalar-sidebar-search-border-color: #cbd5e1;
}
`;

/** Scalar's settings for the document this server serves, its examples pointing at `origin`. */
export function scalarConfiguration(document: Record<string, unknown>, origin: string): AnyApiReferenceConfiguration {
  return {
    content: document,
    // Examples (curl...) show full URLs of this server; the document's server is relative ("/").
    baseServerURL: origin,
    theme: "none",
    layout: "modern",
    customCss: THEME_CSS,
    forceDarkModeState: "light",
    hideDarkModeToggle: true,
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: "never",
    agent: { disabled: true },
    mcp: { disabled: true },
    documentDownloadType: "json",
    defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
    operationTitleSource: "summary",
    defaultOpenAllTags: true,
    hideModels: false,
  };
}

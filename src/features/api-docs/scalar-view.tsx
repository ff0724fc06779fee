"use client";
// Loaded only on /api-docs (next/dynamic), with Scalar's stylesheet: the rest of the app never
// downloads either. Scalar's CSS is scoped to `.scalar-app`; the app's Tailwind is not affected.
import "@scalar/api-reference-react/style.css";
import { ApiReferenceReact } from "@scalar/api-reference-react";
import { useEffect, useMemo } from "react";
import { scalarConfiguration } from "./scalar-config";

/** Classes Scalar puts on <body> for its color mode and leaves there when it unmounts. */
const SCALAR_BODY_CLASSES = ["light-mode", "dark-mode"];

export default function ScalarView({ document }: { document: Record<string, unknown> }) {
  const configuration = useMemo(() => scalarConfiguration(document, window.location.origin), [document]);
  useEffect(() => () => window.document.body.classList.remove(...SCALAR_BODY_CLASSES), []);
  return <ApiReferenceReact configuration={configuration} />;
}

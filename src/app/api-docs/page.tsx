import type { Metadata } from "next";
import { ApiDocsPage } from "@/features/api-docs/api-docs-page";

export const metadata: Metadata = { title: "API reference" };

export default function ApiDocs() {
  return <ApiDocsPage />;
}

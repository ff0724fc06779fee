import type { Metadata } from "next";
import { SegmentsPage } from "@/features/segments/segments-page";

export const metadata: Metadata = { title: "Segments" };

export default function Home() {
  return <SegmentsPage />;
}

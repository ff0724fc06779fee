import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunView } from "@/features/run-view/components/run-view";

type Props = { params: Promise<{ runId: string }> };

/** Run ids are UUIDs; anything else cannot be a run (and is not sent to the API). */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { runId } = await params;
  return { title: `Run ${runId.replace(/-/g, "").slice(-8)}` };
}

export default async function RunPage({ params }: Props) {
  const { runId } = await params;
  if (!RUN_ID.test(runId)) notFound();
  return <RunView runId={runId} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RevisionViewer } from "@/features/editor/components/revisions/revision-viewer";

type Props = { params: Promise<{ segmentId: string; revision: string }> };

function revisionNumber(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { segmentId, revision } = await params;
  return { title: `${segmentId} · revision ${revision}` };
}

export default async function RevisionPage({ params }: Props) {
  const { segmentId, revision } = await params;
  const number = revisionNumber(revision);
  if (number === null) notFound();
  return <RevisionViewer segmentId={segmentId} revision={number} />;
}

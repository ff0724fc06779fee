import type { Metadata } from "next";
import { SegmentEditor } from "@/features/editor/components/segment-editor";

type Props = { params: Promise<{ segmentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { segmentId } = await params;
  return { title: segmentId };
}

export default async function SegmentEditorPage({ params }: Props) {
  const { segmentId } = await params;
  return <SegmentEditor segmentId={segmentId} />;
}

import { EditorSkeleton } from "@/features/editor/components/editor-skeleton";

export default function Loading() {
  return <EditorSkeleton />;
}

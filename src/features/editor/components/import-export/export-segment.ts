/** The segment as a file: contract JSON, pretty-printed, positions (`ui`) included. */
import type { Segment } from "@/shared/segment";

export function segmentFileName(segment: Pick<Segment, "segment_id">): string {
  return `${segment.segment_id}.json`;
}

export function segmentFileText(segment: Segment): string {
  return `${JSON.stringify(segment, null, 2)}\n`;
}

/** Starts the browser's download of the segment file. */
export function downloadSegment(segment: Segment): void {
  const url = URL.createObjectURL(new Blob([segmentFileText(segment)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = segmentFileName(segment);
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

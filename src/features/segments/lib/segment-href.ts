/** The editor URL of a segment. */
export function segmentHref(segmentId: string): string {
  return `/segments/${encodeURIComponent(segmentId)}`;
}

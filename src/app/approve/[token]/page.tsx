import type { Metadata } from "next";
import { ApprovalLinkPage } from "@/features/approvals/link-page/approval-link-page";

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = {
  title: "Approval request",
  // The token in the URL is a credential: keep it out of search engines and Referer headers.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ApprovePage({ params }: Props) {
  const { token } = await params;
  return <ApprovalLinkPage token={safeDecode(token)} />;
}

/** A mangled link ("%zz") is still shown as an invalid link, not a server error. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

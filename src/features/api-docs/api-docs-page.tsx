import { AuthOffBanner } from "@/features/shell/auth-off-banner";
import { TopBar } from "@/features/shell/top-bar";
import { ApiReference } from "./api-reference";

/**
 * /api-docs: the app's top bar over the full-width API reference (it has its own sidebar, so it
 * doesn't sit in the centered column of the list pages).
 */
export function ApiDocsPage() {
  return (
    <div className="flex min-h-full flex-col bg-white">
      <TopBar />
      <AuthOffBanner />
      <main id="main" className="api-docs flex-1">
        <ApiReference />
      </main>
    </div>
  );
}

"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeTrpcClient, TRPCProvider } from "./client";

/** Pages that work signed out: an UNAUTHORIZED answer there is the page's own business. */
const SIGNED_OUT_PAGES = ["/sign-in", "/setup", "/approve/"];

/**
 * A session that ended (expired, signed out in another tab) while a page was open: any call
 * answering UNAUTHORIZED sends the browser to sign in, and back here afterwards.
 */
function onUnauthorized(error: unknown): void {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  if (code !== "UNAUTHORIZED" || typeof window === "undefined") return;
  const here = `${window.location.pathname}${window.location.search}`;
  if (SIGNED_OUT_PAGES.some((p) => window.location.pathname.startsWith(p))) return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: onUnauthorized }),
        mutationCache: new MutationCache({ onError: onUnauthorized }),
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            retry: (failureCount, error) =>
              (error as { data?: { code?: unknown } } | null)?.data?.code !== "UNAUTHORIZED" && failureCount < 1,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  const [trpcClient] = useState(makeTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

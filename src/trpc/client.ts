// The browser's tRPC client. It imports only the router's type.
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Mutations go out at once (a decision click should not wait for the batch's tick, and
      // they are never batched with anything anyway); queries are batched.
      splitLink({
        condition: (op) => op.type === "mutation",
        true: httpLink({ url: "/api/trpc" }),
        false: httpBatchLink({ url: "/api/trpc" }),
      }),
    ],
  });
}

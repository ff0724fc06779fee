// tRPC over the Fetch API: what the Next route file /api/trpc exports and what main.ts serves
// directly (src/server/http/api-routes.ts).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import { createTrpcContext } from "./trpc";

export function handleTrpc(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) => {
      const ctx = createTrpcContext({ req: request, resHeaders });
      // The correlation id the request's runs carry, echoed (the client's, or the generated one).
      resHeaders.set("x-correlation-id", ctx.correlationId);
      return ctx;
    },
  });
}

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTrpcContext } from "@/server/api/trpc";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => {
      const ctx = createTrpcContext({ req, resHeaders });
      // The correlation id the request's runs carry, echoed (the client's, or the generated one).
      resHeaders.set("x-correlation-id", ctx.correlationId);
      return ctx;
    },
  });
}

export { handler as GET, handler as POST };

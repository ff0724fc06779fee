import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTrpcContext } from "@/server/api/trpc";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  const ctx = createTrpcContext({ req });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ctx,
    // The correlation id the request's runs carry, echoed (the client's, or the generated one).
    responseMeta: () => ({ headers: { "x-correlation-id": ctx.correlationId } }),
  });
}

export { handler as GET, handler as POST };

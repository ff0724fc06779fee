import { handleTrpc } from "@/server/api/fetch-handler";

export const dynamic = "force-dynamic";

export { handleTrpc as GET, handleTrpc as POST };

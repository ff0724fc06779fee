"use client";
import { useQuery } from "@tanstack/react-query";

export const OPENAPI_URL = "/api/v1/openapi.json";

/** The OpenAPI document this server serves (the same one API clients download). */
export function useOpenApiDocument() {
  return useQuery({
    queryKey: ["rest", "openapi.json"],
    queryFn: async ({ signal }): Promise<Record<string, unknown>> => {
      const response = await fetch(OPENAPI_URL, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`The server answered ${response.status} for ${OPENAPI_URL}`);
      return (await response.json()) as Record<string, unknown>;
    },
    staleTime: 60_000,
  });
}

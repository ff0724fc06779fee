"use client";
/**
 * Who decided, by name: an approval's `decided_by` is the deciding account's id (stable, for the
 * audit); signed-in screens (the run view, the approvals inbox) wrap themselves in PeopleProvider
 * to show that account's email instead. The public approval-link page has no provider: it never
 * asks the server who the accounts are, and shows the fallback labels of deciderLabel.
 */
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useTRPC } from "@/trpc/client";
import type { People } from "./approval-display";

const NOBODY: People = new Map();
const PeopleContext = createContext<People>(NOBODY);

export function PeopleProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  // Accounts rarely change: one request per visit is plenty; without it the ids show.
  const people = useQuery({ ...trpc.auth.people.queryOptions(), staleTime: 10 * 60_000, retry: false });
  const map = useMemo<People>(() => new Map((people.data ?? []).map((person) => [person.id, person.label])), [people.data]);
  return <PeopleContext.Provider value={map}>{children}</PeopleContext.Provider>;
}

/** The accounts known here, id → label (empty outside a PeopleProvider). */
export function usePeople(): People {
  return useContext(PeopleContext);
}

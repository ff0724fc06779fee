import type { Metadata } from "next";
import { SignInPage } from "@/features/auth/sign-in-page";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function Page({ searchParams }: Props) {
  const { next } = await searchParams;
  return <SignInPage next={typeof next === "string" ? next : undefined} />;
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/trpc/provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "LLMTeam Canvas", template: "%s · LLMTeam Canvas" },
  description: "Design, run and supervise LLM and agent workflows",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-full bg-slate-50 font-sans text-slate-900 antialiased">
        <TrpcReactProvider>{children}</TrpcReactProvider>
      </body>
    </html>
  );
}

"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { readServerError } from "@/features/segments/lib/server-error";
import { useTRPC } from "@/trpc/client";
import { AuthPageFrame } from "./auth-page-frame";

/** Where to go after signing in: a path on this site only (never `//elsewhere`). */
export function returnPath(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function SignInPage({ next }: { next?: string }) {
  const trpc = useTRPC();
  const id = useId();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const busy = signIn.isPending || signIn.isSuccess;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    signIn.mutate(
      { email, password },
      {
        // A full page load: the server renders the page for the new session.
        onSuccess: () => window.location.assign(returnPath(next)),
        onError: (err) => {
          setError(readServerError(err).message);
          setPassword("");
        },
      },
    );
  };

  return (
    <AuthPageFrame title="Sign in" description="Sign in with the owner account of this server.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error ? <InlineAlert>{error}</InlineAlert> : null}
        <Field id={`${id}-email`} label="Email">
          {(control) => (
            <Input {...control} type="email" name="email" autoComplete="username" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-password`} label="Password">
          {(control) => (
            <Input {...control} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <Button type="submit" variant="primary" size="lg" className="w-full" loading={busy} disabled={busy || !email || !password}>
          Sign in
        </Button>
      </form>
    </AuthPageFrame>
  );
}

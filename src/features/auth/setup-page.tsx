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

const MIN_PASSWORD = 8;

/** The first visit to a server without an owner: create the owner account (once). */
export function SetupPage() {
  const trpc = useTRPC();
  const id = useId();
  const setup = useMutation(trpc.auth.setup.mutationOptions());
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const busy = setup.isPending || setup.isSuccess;

  const local: Record<string, string> = {};
  if (submitted) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = "Enter a valid email address";
    if (password.length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters`;
    if (confirm !== password) local.confirm = "The passwords do not match";
  }
  const errors = { ...fieldErrors, ...local };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    setFieldErrors({});
    const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && password.length >= MIN_PASSWORD && confirm === password;
    if (!valid) return;
    setup.mutate(
      { email, password, confirm },
      {
        onSuccess: () => window.location.assign("/"),
        onError: (err) => {
          const { message, fields } = readServerError(err);
          setError(message);
          setFieldErrors(fields);
        },
      },
    );
  };

  return (
    <AuthPageFrame
      title="Create the owner account"
      description="This server has no owner yet. The owner signs in to use the app and creates API keys for programs."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error ? <InlineAlert>{error}</InlineAlert> : null}
        <Field id={`${id}-email`} label="Email" error={errors.email}>
          {(control) => (
            <Input {...control} type="email" name="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-password`} label="Password" hint={errors.password ? undefined : `At least ${MIN_PASSWORD} characters.`} error={errors.password}>
          {(control) => (
            <Input {...control} type="password" name="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-confirm`} label="Confirm password" error={errors.confirm}>
          {(control) => (
            <Input {...control} type="password" name="confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          )}
        </Field>
        <Button type="submit" variant="primary" size="lg" className="w-full" loading={busy} disabled={busy}>
          Create owner and sign in
        </Button>
      </form>
    </AuthPageFrame>
  );
}

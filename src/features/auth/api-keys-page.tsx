"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { copyToClipboard } from "@/components/ui/clipboard";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { CheckCircleIcon, CopyIcon, PlusIcon } from "@/components/ui/icons";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { readServerError } from "@/features/segments/lib/server-error";
import { useTRPC } from "@/trpc/client";

type ApiKey = { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.auth.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation(
    trpc.auth.apiKeys.revoke.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.auth.apiKeys.list.queryKey() }),
    }),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        count={keys.data?.filter((k) => !k.revoked_at).length}
        description={
          <>
            Programs call the REST API with a key: <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px]">Authorization: Bearer &lt;key&gt;</code>. A key acts as you.
          </>
        }
        actions={
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />

      {created ? <CreatedKey created={created} onDone={() => setCreated(null)} /> : null}

      {keys.isPending ? (
        <Skeleton className="h-32 w-full rounded-lg" />
      ) : keys.isError ? (
        <InlineAlert>{readServerError(keys.error).message}</InlineAlert>
      ) : keys.data.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          description="Create a key for each program or script that calls this server, so you can revoke one without touching the others."
          actions={
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              New API key
            </Button>
          }
        />
      ) : (
        <TableContainer>
          <Table aria-label="API keys">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th className="text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {keys.data.map((key) => (
                <Tr key={key.id} className={key.revoked_at ? "bg-slate-50/60" : "hover:bg-slate-50/60"}>
                  <Td className={key.revoked_at ? "text-slate-400" : "font-medium text-slate-900"}>{key.name}</Td>
                  <Td>
                    <code className="font-mono text-[13px] text-slate-600">{key.prefix}…</code>
                  </Td>
                  <Td>
                    <RelativeTime value={key.created_at} />
                  </Td>
                  <Td>{key.last_used_at ? <RelativeTime value={key.last_used_at} /> : <span className="text-slate-400">Never</span>}</Td>
                  <Td className="text-right">
                    {key.revoked_at ? (
                      <Badge tone="gray" title={`Revoked ${new Date(key.revoked_at).toLocaleString()}`}>
                        Revoked
                      </Badge>
                    ) : (
                      <Button size="sm" variant="secondary" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                        Revoke
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}

      <NewKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id }, { onSuccess: () => setRevoking(null) });
        }}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        tone="danger"
        pending={revoke.isPending}
        error={revoke.error ? readServerError(revoke.error).message : null}
      >
        Programs using this key get <strong>401 Unauthorized</strong> from their next request. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}

/** The new key, shown once: copy it now. */
function CreatedKey({ created, onDone }: { created: { key: string; name: string }; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <section aria-label="New API key" className="rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200 ring-inset">
      <div className="flex items-start gap-2.5">
        <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-emerald-600" />
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-emerald-900">Key “{created.name}” created</h2>
          <p className="mt-0.5 text-sm text-emerald-800">Copy it now: it is shown only once. Store it like a password.</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-emerald-200">
              {created.key}
            </code>
            <Button icon={<CopyIcon />} onClick={() => void copyToClipboard(created.key).then(setCopied)}>
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Done
            </Button>
          </div>
          {copied === false ? <p className="mt-2 text-[13px] text-red-700">Could not copy: select the key and copy it by hand.</p> : null}
        </div>
      </div>
    </section>
  );
}

function NewKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: { key: string; name: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.auth.apiKeys.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.auth.apiKeys.list.queryKey() }),
    }),
  );
  const close = () => {
    create.reset();
    setName("");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name },
      {
        onSuccess: (result) => {
          setName("");
          create.reset();
          onCreated({ key: result.key, name: result.api_key.name });
        },
      },
    );
  };
  const error = create.error ? readServerError(create.error) : null;
  return (
    <Dialog open={open} onClose={close} title="New API key" description="Name it after the program that will use it." size="sm" dismissible={!create.isPending}>
      <form onSubmit={submit}>
        <DialogBody className="space-y-4">
          {error && !error.fields.name ? <InlineAlert>{error.message}</InlineAlert> : null}
          <Field id={`${id}-name`} label="Name" error={error?.fields.name}>
            {(control) => <Input {...control} autoFocus maxLength={100} placeholder="e.g. nightly-report script" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        </DialogBody>
        <DialogFooter>
          <Button type="button" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()}>
            Create key
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input, Textarea } from "@/components/ui/input";
import { NAME_MAX_LENGTH } from "@/shared/segment";
import { useCreateSegment } from "./hooks/use-segment-mutations";
import { predictSegmentId } from "./lib/predict-segment-id";
import { segmentHref } from "./lib/segment-href";
import { readServerError } from "./lib/server-error";

const DESCRIPTION_MAX_LENGTH = 2000;

type NewSegmentDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Ids already in use, to preview the id the new segment will get. */
  existingIds: ReadonlySet<string>;
};

export function NewSegmentDialog({ open, onClose, existingIds }: NewSegmentDialogProps) {
  const create = useCreateSegment();
  const busy = create.isPending || create.isSuccess;
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New segment"
      description="A segment is a workflow of steps. Give it a name; you will design its steps in the editor."
      size="md"
      dismissible={!busy}
    >
      <NewSegmentForm onCancel={close} existingIds={existingIds} create={create} busy={busy} />
    </Dialog>
  );
}

type FormProps = {
  onCancel: () => void;
  existingIds: ReadonlySet<string>;
  create: ReturnType<typeof useCreateSegment>;
  busy: boolean;
};

function NewSegmentForm({ onCancel, existingIds, create, busy }: FormProps) {
  const router = useRouter();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const predicted = useMemo(() => (name.trim() ? predictSegmentId(name, existingIds) : null), [name, existingIds]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setFieldErrors({ name: "Name is required" });
      setFormError(null);
      nameRef.current?.focus();
      return;
    }
    setFieldErrors({});
    setFormError(null);
    create.mutate(
      { name: trimmed, ...(description.trim() ? { description: description.trim() } : {}) },
      {
        onSuccess: (segment) => router.push(segmentHref(segment.segment_id)),
        onError: (error) => {
          const { message, fields } = readServerError(error);
          const known = { name: fields.name, description: fields.description };
          setFieldErrors(Object.fromEntries(Object.entries(known).filter(([, v]) => v)) as Record<string, string>);
          setFormError(known.name || known.description ? null : message);
          if (known.name) nameRef.current?.focus();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        {formError ? <InlineAlert>{formError}</InlineAlert> : null}
        <Field
          id={`${id}-name`}
          label="Name"
          error={fieldErrors.name}
          hint={<IdPreview predicted={predicted} />}
        >
          {(control) => (
            <Input
              {...control}
              ref={nameRef}
              name="name"
              value={name}
              maxLength={NAME_MAX_LENGTH}
              autoComplete="off"
              placeholder="e.g. Article writer"
              required
              onChange={(event) => {
                setName(event.target.value);
                if (fieldErrors.name) setFieldErrors(({ name: _, ...rest }) => rest);
              }}
            />
          )}
        </Field>
        <Field id={`${id}-description`} label="Description" labelAside="Optional" error={fieldErrors.description}>
          {(control) => (
            <Textarea
              {...control}
              name="description"
              value={description}
              rows={3}
              maxLength={DESCRIPTION_MAX_LENGTH}
              placeholder="What does this workflow do?"
              onChange={(event) => {
                setDescription(event.target.value);
                if (fieldErrors.description) setFieldErrors(({ description: _, ...rest }) => rest);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
          )}
        </Field>
      </DialogBody>
      <DialogFooter>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={busy}>
          Create segment
        </Button>
      </DialogFooter>
    </form>
  );
}

function IdPreview({ predicted }: { predicted: ReturnType<typeof predictSegmentId> | null }) {
  return (
    <div className="space-y-0.5">
      <p className="flex flex-wrap items-center gap-x-1.5">
        <span className="font-medium text-slate-600">ID</span>
        {predicted ? (
          <code
            data-testid="segment-id-preview"
            className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[12px] text-slate-800 ring-1 ring-slate-200 ring-inset"
          >
            {predicted.id}
          </code>
        ) : (
          <span>is made from the name</span>
        )}
        {predicted?.taken ? (
          <span className="text-slate-500">
            (<code className="font-mono text-[12px]">{predicted.base}</code> is taken)
          </span>
        ) : null}
      </p>
      <p>Used in URLs and the API; it stays the same when you rename. A number is appended if the ID is taken.</p>
    </div>
  );
}

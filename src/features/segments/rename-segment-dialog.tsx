"use client";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { NAME_MAX_LENGTH } from "@/shared/segment";
import { useRenameSegment } from "./hooks/use-segment-mutations";
import { readServerError } from "./lib/server-error";

type RenameSegmentDialogProps = {
  segment: SegmentSummary | null;
  onClose: () => void;
};

export function RenameSegmentDialog({ segment, onClose }: RenameSegmentDialogProps) {
  const rename = useRenameSegment();
  return (
    <Dialog open={segment !== null} onClose={onClose} title="Rename segment" size="md" dismissible={!rename.isPending}>
      {segment ? <RenameForm segment={segment} rename={rename} onClose={onClose} /> : null}
    </Dialog>
  );
}

type FormProps = { segment: SegmentSummary; rename: ReturnType<typeof useRenameSegment>; onClose: () => void };

function RenameForm({ segment, rename, onClose }: FormProps) {
  const id = useId();
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(segment.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rename.isPending) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError("Name is required");
      inputRef.current?.focus();
      return;
    }
    if (trimmed === segment.name) {
      onClose();
      return;
    }
    setNameError(undefined);
    setFormError(null);
    rename.mutate(
      { segment_id: segment.segment_id, name: trimmed },
      {
        onSuccess: (renamed) => {
          toast.success("Segment renamed", `“${segment.name}” is now “${renamed.name}”.`);
          onClose();
        },
        onError: (error) => {
          const { message, fields } = readServerError(error);
          if (fields.name) {
            setNameError(fields.name);
            inputRef.current?.focus();
          } else {
            setFormError(message);
          }
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
          error={nameError}
          hint={
            <>
              The ID stays <code className="font-mono text-[12px] text-slate-700">{segment.segment_id}</code>, so links and API
              calls keep working.
            </>
          }
        >
          {(control) => (
            <Input
              {...control}
              ref={inputRef}
              name="name"
              value={name}
              maxLength={NAME_MAX_LENGTH}
              autoComplete="off"
              required
              data-autofocus
              data-autoselect
              onChange={(event) => {
                setName(event.target.value);
                if (nameError) setNameError(undefined);
              }}
            />
          )}
        </Field>
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose} disabled={rename.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={rename.isPending}>
          Save
        </Button>
      </DialogFooter>
    </form>
  );
}

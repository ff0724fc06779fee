"use client";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon, RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { OPENAPI_URL, useOpenApiDocument } from "./hooks/use-openapi-document";

function Loading() {
  return (
    <div className="flex items-center justify-center gap-2.5 py-24 text-sm text-slate-500">
      <Spinner />
      Loading the API reference…
    </div>
  );
}

// Scalar renders in the browser only (it measures the page and manages the URL hash).
const ScalarView = dynamic(() => import("./scalar-view"), { ssr: false, loading: Loading });

/** The browsable reference of REST API v1, rendered from the document the server serves. */
export function ApiReference() {
  const document = useOpenApiDocument();
  if (document.isPending) return <Loading />;
  if (document.isError) {
    return (
      <EmptyState
        tone="danger"
        icon={<AlertTriangleIcon className="size-5" />}
        title="The API reference could not be loaded"
        description={
          <>
            {document.error.message}. The document is also at{" "}
            <a className="font-medium text-indigo-600 underline-offset-2 hover:underline" href={OPENAPI_URL}>
              {OPENAPI_URL}
            </a>
            .
          </>
        }
        actions={
          <Button icon={<RefreshIcon className="size-4" />} onClick={() => void document.refetch()} loading={document.isFetching}>
            Try again
          </Button>
        }
      />
    );
  }
  return <ScalarView document={document.data} />;
}

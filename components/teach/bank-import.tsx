"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { ApiError, apiJson, errorMessage } from "@/lib/api/client";

interface ImportSummary {
  created: unknown[];
  updated: unknown[];
  unchanged: string[];
}

/** Uploads a JSON bank; the server imports all of it or none, naming each template that failed. */
export const BankImport = withQueryClient(function BankImport() {
  const router = useRouter();
  const inputId = useId();
  const [notJson, setNotJson] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        setNotJson(`${file.name} is not valid JSON.`);
        return null;
      }
      return apiJson<ImportSummary>("/api/teach/questions/import", { method: "POST", body });
    },
    onMutate: () => setNotJson(null),
    onSuccess: (result) => {
      if (result) router.refresh();
    },
  });
  const result = upload.data;
  const status =
    notJson ??
    (upload.isError
      ? errorMessage(upload.error)
      : result
        ? `Imported: ${result.created.length} new, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`
        : null);
  const errors =
    upload.error instanceof ApiError
      ? Object.entries(upload.error.fields).flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`))
      : [];
  const pending = upload.isPending;

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-medium">
        Import a JSON bank
      </label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        disabled={pending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = "";
        }}
        className="text-sm"
      />
      {status ? (
        <div role="status" className="text-sm" data-testid="import-status">
          <p>{status}</p>
          {errors.length ? (
            <ul className="mt-1 list-disc pl-5 text-danger">
              {errors.slice(0, 30).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});

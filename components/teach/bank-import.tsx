"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, apiJson } from "@/lib/api/client";

interface ImportSummary {
  created: unknown[];
  updated: unknown[];
  unchanged: string[];
}

/** Uploads a JSON bank; the server imports all of it or none, naming each template that failed. */
export function BankImport() {
  const router = useRouter();
  const inputId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  const upload = async (file: File) => {
    setPending(true);
    setStatus(null);
    setErrors([]);
    try {
      const text = await file.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        setStatus(`${file.name} is not valid JSON.`);
        return;
      }
      const result = await apiJson<ImportSummary>("/api/teach/questions/import", { method: "POST", body });
      setStatus(`Imported: ${result.created.length} new, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`);
      router.refresh();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
      if (error instanceof ApiError) setErrors(Object.entries(error.fields).flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`)));
    } finally {
      setPending(false);
    }
  };

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
          if (file) void upload(file);
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
}

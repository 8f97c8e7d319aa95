"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiJson } from "@/lib/api/client";

export function JoinClassForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [joined, setJoined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await apiJson<{ class: { name: string } }>("/api/classes/join", { method: "POST", body: { code } });
      setJoined(result.class.name);
      setCode("");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.code?.[0] ?? e.message) : "could not join; try again");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <Field id="join-code" label="Join code" value={code} onChange={(e) => setCode(e.target.value)} error={error} autoComplete="off" className="w-56" />
      <Button type="submit" disabled={busy || !code.trim()}>
        Join class
      </Button>
      {joined ? (
        <p role="status" className="w-full text-sm text-success">
          You joined {joined}.
        </p>
      ) : null}
    </form>
  );
}

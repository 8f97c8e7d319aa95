"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiJson } from "@/lib/api/client";

export function CreateClassForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { class: created } = await apiJson<{ class: { id: string } }>("/api/teach/classes", { method: "POST", body: { name } });
      router.push(`/teach/classes/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.name?.[0] ?? e.message) : "could not create the class");
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <Field id="class-name" label="New class name" value={name} onChange={(e) => setName(e.target.value)} error={error} className="w-72" />
      <Button type="submit" disabled={!name.trim()}>
        Create class
      </Button>
    </form>
  );
}

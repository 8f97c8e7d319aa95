"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiJson } from "@/lib/api/client";

export const CreateClassForm = withQueryClient(function CreateClassForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (className: string) =>
      apiJson<{ class: { id: string } }>("/api/teach/classes", { method: "POST", body: { name: className } }),
    onSuccess: ({ class: created }) => router.push(`/teach/classes/${created.id}`),
  });
  const error =
    create.error instanceof ApiError
      ? (create.error.fields.name?.[0] ?? create.error.message)
      : create.error
        ? "could not create the class"
        : undefined;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(name);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <Field
        id="class-name"
        label="New class name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
        className="w-72"
      />
      <Button type="submit" disabled={create.isPending || !name.trim()}>
        Create class
      </Button>
    </form>
  );
});

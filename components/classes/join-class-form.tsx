"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { withQueryClient } from "@/components/query-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiJson } from "@/lib/api/client";

export const JoinClassForm = withQueryClient(function JoinClassForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const join = useMutation({
    mutationFn: (joinCode: string) =>
      apiJson<{ class: { name: string } }>("/api/classes/join", { method: "POST", body: { code: joinCode } }),
    onSuccess: () => {
      setCode("");
      router.refresh();
    },
  });
  const error =
    join.error instanceof ApiError
      ? (join.error.fields.code?.[0] ?? join.error.message)
      : join.error
        ? "could not join; try again"
        : undefined;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        join.mutate(code);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <Field
        id="join-code"
        label="Join code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
        autoComplete="off"
        className="w-56"
      />
      <Button type="submit" disabled={join.isPending || !code.trim()}>
        Join class
      </Button>
      {join.isSuccess ? (
        <p role="status" className="w-full text-sm text-success">
          You joined {join.data.class.name}.
        </p>
      ) : null}
    </form>
  );
});

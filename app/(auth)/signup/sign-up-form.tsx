"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { refreshSessionUser } from "@/components/session-user";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInErrorText } from "@/lib/auth/messages";

type FieldErrors = Partial<Record<"email" | "name" | "password" | "inviteCode" | "requestMessage", string>>;

export function SignUpForm({ inviteCode }: { inviteCode: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      inviteCode: String(form.get("inviteCode") ?? ""),
      requestInstructor: form.get("requestInstructor") === "on",
    };
    setPending(true);
    setErrors({});
    setFormError(null);
    const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) {
      setPending(false);
      const payload = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
      const fields = payload?.error?.fields ?? {};
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]])) as FieldErrors);
      if (!Object.keys(fields).length) setFormError(payload?.error?.message ?? "Could not create the account.");
      return;
    }
    const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      // Sign-up answers the same whether or not the email was taken; only this sign-in can tell, and it
      // tells no more than a sign-in page would.
      setFormError(signInErrorText(result?.status, "This email and password did not sign you in. If you already have an account, sign in with your password."));
      return;
    }
    await refreshSessionUser();
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field id="name" name="name" label="Name" autoComplete="name" required error={errors.name} />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={errors.password}
      />
      <Field
        id="inviteCode"
        name="inviteCode"
        label="Instructor invitation code (optional)"
        autoComplete="off"
        defaultValue={inviteCode}
        hint="Accounts are student accounts; an invitation from an instructor or administrator makes you an instructor."
        error={errors.inviteCode}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requestInstructor" /> I teach: ask an administrator to make me an instructor
      </label>
      {formError ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/signin" className="text-primary underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

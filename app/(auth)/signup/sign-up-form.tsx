"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent } from "react";
import { withQueryClient } from "@/components/query-provider";
import { refreshSessionUser } from "@/components/session-user";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiJson } from "@/lib/api/client";
import { signInErrorText } from "@/lib/auth/messages";

type FieldErrors = Partial<Record<"email" | "name" | "password" | "inviteCode" | "requestMessage", string>>;

type SignUpBody = { name: string; email: string; password: string; inviteCode: string; requestInstructor: boolean };

/** Sign-up answers the same whether or not the email was taken; only the sign-in after it can tell. */
class SignInAfterSignUpError extends Error {}

export const SignUpForm = withQueryClient(function SignUpForm({ inviteCode }: { inviteCode: string }) {
  const router = useRouter();
  const signUp = useMutation({
    mutationFn: async (body: SignUpBody) => {
      await apiJson("/api/signup", { method: "POST", body });
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      // It tells no more than a sign-in page would.
      if (!result || result.error)
        throw new SignInAfterSignUpError(
          signInErrorText(
            result?.status,
            "This email and password did not sign you in. If you already have an account, sign in with your password.",
          ),
        );
      await refreshSessionUser();
    },
    onSuccess: () => {
      router.push("/dashboard");
      router.refresh();
    },
  });
  const fields = signUp.error instanceof ApiError ? signUp.error.fields : {};
  const errors = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]])) as FieldErrors;
  const formError =
    signUp.error && !Object.keys(fields).length
      ? signUp.error instanceof SignInAfterSignUpError || signUp.error instanceof ApiError
        ? signUp.error.message
        : "Could not create the account."
      : null;
  // Still pending while the browser moves to the dashboard.
  const pending = signUp.isPending || signUp.isSuccess;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      inviteCode: String(form.get("inviteCode") ?? ""),
      requestInstructor: form.get("requestInstructor") === "on",
    });
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
});

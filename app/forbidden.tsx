import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="flex flex-col items-start gap-4" data-testid="forbidden">
      <h1 className="text-2xl font-bold">403 — not for your account</h1>
      <p className="text-muted-foreground">
        This page is for instructors. If you teach a class, sign in with your instructor account.
      </p>
      <Link href="/dashboard" className="text-primary underline">
        Go to your dashboard
      </Link>
    </div>
  );
}

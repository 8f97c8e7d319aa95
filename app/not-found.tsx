import Link from "next/link";

export default function NotFound() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-muted-foreground">There is nothing at this address.</p>
      <Link href="/" className="text-primary underline">
        Back to the start
      </Link>
    </div>
  );
}

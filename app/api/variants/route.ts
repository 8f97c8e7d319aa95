import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { createVariant, loadVariant } from "@/lib/server/dal/variants";
import { parseJsonBody, route } from "@/lib/server/http";
import { createVariantSchema } from "@/lib/validation/attempts";

// "New variant": a fresh server-chosen seed of a published question. Returns the view only.
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const { slug } = await parseJsonBody(request, createVariantSchema);
  const loaded = await loadVariant(await createVariant(user, slug));
  return NextResponse.json({ variantId: loaded.row.id, view: loaded.built.view }, { status: 201 });
});

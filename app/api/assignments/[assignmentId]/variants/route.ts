import { NextResponse } from "next/server";
import { assignmentIdParamsSchema, drawAssignmentVariantSchema } from "@/lib/validation/classes";
import { assignmentVariant } from "@/lib/server/dal/assessment";
import { requireUser } from "@/lib/server/dal/session";
import { loadVariant } from "@/lib/server/dal/variants";
import { parseJsonBody, parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ assignmentId: string }> };

// A variant of one assignment question under the assignment's rules (a new one after a reveal, or on
// request with fresh: true). Returns the view only, like POST /api/variants.
export const POST = route(async (request: Request, { params: raw }: Context) => {
  const user = await requireUser();
  const { assignmentId } = await parseParams(raw, assignmentIdParamsSchema);
  const { slug, fresh } = await parseJsonBody(request, drawAssignmentVariantSchema);
  const { variant } = await assignmentVariant(user, assignmentId, slug, fresh);
  const loaded = await loadVariant(variant);
  return NextResponse.json({ variantId: loaded.row.id, view: loaded.built.view }, { status: 201 });
});

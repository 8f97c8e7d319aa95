import { NextResponse } from "next/server";
import { z } from "zod";
import { assignmentVariant } from "@/lib/server/dal/assessment";
import { parseParams } from "@/lib/server/dal/class-schemas";
import { requireUser } from "@/lib/server/dal/session";
import { loadVariant } from "@/lib/server/dal/variants";
import { parseJsonBody, route } from "@/lib/server/http";

type Context = { params: Promise<{ assignmentId: string }> };

const params = z.object({ assignmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not an id") });
const body = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a question slug"), fresh: z.boolean().default(false) }).strict();

// A variant of one assignment question under the assignment's rules (a new one after a reveal, or on
// request with fresh: true). Returns the view only, like POST /api/variants.
export const POST = route(async (request: Request, { params: raw }: Context) => {
  const user = await requireUser();
  const { assignmentId } = await parseParams(raw, params);
  const { slug, fresh } = await parseJsonBody(request, body);
  const { variant } = await assignmentVariant(user, assignmentId, slug, fresh);
  const loaded = await loadVariant(variant);
  return NextResponse.json({ variantId: loaded.row.id, view: loaded.built.view }, { status: 201 });
});

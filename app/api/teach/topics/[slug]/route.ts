import { NextResponse } from "next/server";
import { deleteTopicSchema, topicParamsSchema, updateTopicSchema } from "@/lib/validation/topics";
import { deleteTopic, updateTopic } from "@/lib/server/dal/topics";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ slug: string }> };

/** Renames a topic or changes its description; the slug stays, so its questions stay filed under it. */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { slug } = await parseParams(params, topicParamsSchema);
  const input = await parseJsonBody(request, updateTopicSchema);
  return NextResponse.json({ topic: await updateTopic(user, slug, input) });
});

/** `{moveTo}` names where the topic's questions go before it is deleted. */
export const DELETE = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { slug } = await parseParams(params, topicParamsSchema);
  const input = await parseJsonBody(request, deleteTopicSchema);
  return NextResponse.json(await deleteTopic(user, slug, input));
});
